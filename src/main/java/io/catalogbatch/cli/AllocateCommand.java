package io.catalogbatch.cli;

import io.catalogbatch.allocation.entrypoints.batch.AllocateJob;
import io.catalogbatch.allocation.entrypoints.batch.AllocationSummary;
import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.runs.FileFingerprint;
import io.catalogbatch.runs.JobRuns;
import io.catalogbatch.runs.RunLog;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch allocate}: the book's allocation over a folder of CSV files. */
@Command(name = "allocate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Allocates the order lines of DIR/orders.csv to the batches of DIR/batches.csv, on top of "
                + "DIR/allocations.csv when it exists, and rewrites DIR/allocations.csv (sorted, atomically).",
                "A failed run changed nothing: run the same command again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, every row taken", "1:failed, or a file refused", "2:usage error",
                "3:done, some rows rejected (out of stock, unknown sku, ...: see the report folder)"})
final class AllocateCommand implements Callable<Integer> {

    private static final List<String> INPUTS = List.of("batches", "allocations", "orders");

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "The folder with batches.csv, orders.csv and, optionally, allocations.csv.")
    Path dir;

    @Option(names = "--report", paramLabel = "DIR", description = "The report folder. Default: ./runs/<time>-<id>/")
    Path report;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The encoding of input files without a byte order mark. Default: ${DEFAULT-VALUE}")
    String charset;

    @Option(names = "--verbose", description = "Show the framework's log and full stack traces.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.printf("catalog-batch allocate: %s is not a folder%n", dir);
            return ExitCode.USAGE;
        }
        JobParametersBuilder input = new JobParametersBuilder()
                .addString(AllocateJob.DIR, dir.toAbsolutePath().normalize().toString())
                .addString(AllocateJob.CHARSET, Charset.forName(charset).name());
        for (String name : INPUTS) {
            Path file = dir.resolve(name + ".csv");
            input.addString(name + ".sha256", Files.isRegularFile(file) ? FileFingerprint.sha256(file) : "absent");
        }
        try (ConfigurableApplicationContext context = BatchContext.start(StoreLocation.of(dir.toString()), false,
                verbose)) {
            JobRuns.Plan plan = JobRuns.plan(context, AllocateJob.JOB_NAME, input.toJobParameters());
            RunReportFolder folder = RunReportFolder.choose(report, plan);
            try (RunLog log = RunLog.into(folder.path())) {
                JobExecution run = JobRuns.launch(context, AllocateJob.JOB_NAME, plan,
                        new JobParametersBuilder().addString(AllocateJob.REPORT_DIR,
                                folder.path().toString(), false).toJobParameters());
                return summarise(run, folder.path(), spec.commandLine().getOut(), err);
            }
        } catch (Exception e) {
            FailureReport.report(err, "allocate failed", e, verbose);
            err.println("allocations.csv was not changed; run the same command again.");
            return ExitCode.FAILED;
        }
    }

    private int summarise(JobExecution run, Path folder, PrintWriter out, PrintWriter err) throws Exception {
        RunSummary summary = AllocationSummary.write(run, dir, folder);
        for (FileSummary file : summary.files()) {
            if (file.refused()) {
                err.printf("%s.csv refused, nothing allocated: %s (%s)%n", file.role(), file.message(), file.reason());
            } else {
                out.printf("%s.csv: %,d rows read, %,d taken, %,d rejected (%s, %s)%n", file.role(), file.read(),
                        file.imported(), file.rejected(), file.encoding(), file.delimiter());
            }
        }
        if (summary.status().equals(RunStatus.FAILED.word())) {
            FailureReport.reportFirst(err, "allocate failed", run.getAllFailureExceptions(), verbose);
            err.println("allocations.csv was not changed; run the same command again.");
        }
        out.printf("%,d changes (allocations and out-of-stock lines) in %.1f s. Report: %s%n", summary.changes(),
                summary.durationSeconds(), folder);
        out.flush();
        return summary.exitCode();
    }
}

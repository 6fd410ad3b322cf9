package io.catalogbatch.cli;

import io.catalogbatch.runs.JobRuns;
import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.allocation.entrypoints.batch.AllocateJob;
import io.catalogbatch.runs.FileFingerprint;
import io.catalogbatch.shared.batch.InputFileFacts;
import io.catalogbatch.runs.ReportFiles;
import io.catalogbatch.runs.RunLog;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.batch.StoreLocation;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
            Failures.report(err, "allocate failed", e, verbose);
            err.println("allocations.csv was not changed; run the same command again.");
            return ExitCode.FAILED;
        }
    }

    private int summarise(JobExecution run, Path folder, PrintWriter out, PrintWriter err) throws Exception {
        ExecutionContext job = run.getExecutionContext();
        List<FileSummary> files = new ArrayList<>();
        for (InputFileFacts facts : AllocateJob.FILES) {
            Path path = dir.resolve(facts.role() + ".csv");
            if (!facts.refusal(job).isEmpty()) {
                files.add(new FileSummary(facts.role(), path.toString(), true, facts.refusal(job),
                        facts.refusalLine(job), facts.refusalMessage(job), 0, 0, 0, 0, "", ""));
            } else if (facts.rows(job) >= 0) {
                long read = facts.rows(job);
                long rejected = ReportFiles.count(folder.resolve(facts.role() + ".errors.csv"));
                files.add(new FileSummary(facts.role(), path.toString(), false, "", 0, "", read, read - rejected,
                        rejected, 0, facts.encoding(job), facts.delimiter(job)));
            }
        }
        boolean failed = run.getStatus() != BatchStatus.COMPLETED;
        boolean refused = files.stream().anyMatch(FileSummary::refused);
        long rejected = files.stream().mapToLong(FileSummary::rejected).sum();
        RunStatus status = RunStatus.of(false, failed, refused, rejected);
        long changes = ReportFiles.count(folder.resolve("changes.csv"));
        LocalDateTime finished = run.getEndTime() == null ? LocalDateTime.now() : run.getEndTime();
        double seconds = Duration.between(run.getStartTime(), finished).toMillis() / 1000.0;
        new RunSummary("allocate", status.word(), status.exitCode(), false, dir.toString(), "",
                run.getStartTime().toString(), finished.toString(), seconds, changes, folder.toString(), files)
                .writeTo(folder);
        for (FileSummary file : files) {
            if (file.refused()) {
                err.printf("%s.csv refused, nothing allocated: %s (%s)%n", file.role(), file.message(), file.reason());
            } else {
                out.printf("%s.csv: %,d rows read, %,d taken, %,d rejected (%s, %s)%n", file.role(), file.read(),
                        file.imported(), file.rejected(), file.encoding(), file.delimiter());
            }
        }
        if (failed) {
            Failures.reportFirst(err, "allocate failed", run.getAllFailureExceptions(), verbose);
            err.println("allocations.csv was not changed; run the same command again.");
        }
        out.printf("%,d changes (allocations and out-of-stock lines) in %.1f s. Report: %s%n", changes, seconds,
                folder);
        out.flush();
        return status.exitCode();
    }
}

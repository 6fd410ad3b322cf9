package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.FileFingerprint;
import io.catalogbatch.shared.batch.RejectionLog;
import io.catalogbatch.shared.batch.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch import}: models, then tags, into the catalog. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports a models file and, optionally, a tags file into the catalog.",
                "A failed or interrupted run is restarted by running the same command again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing rejected", "1:failed (run the same command again to restart)",
                "2:usage error", "3:done, some rows rejected"})
final class ImportCommand implements Callable<Integer> {

    private static final int SHOWN_REJECTIONS = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--models", required = true, paramLabel = "FILE", description = "The models CSV file.")
    Path models;

    @Option(names = "--tags", paramLabel = "FILE", description = "A tags CSV file (model,tag,action).")
    Path tags;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : tags == null ? List.of(models) : List.of(models, tags)) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.printf("catalog-batch import: cannot read %s: no such readable file%n", file);
                return ExitCode.USAGE;
            }
        }
        StoreLocation catalog = options.location();
        JobParametersBuilder input = new JobParametersBuilder()
                .addString("catalog", catalog.value())
                .addString(ImportCatalogJobConfiguration.MODELS_FILE, models.toAbsolutePath().toString())
                .addString("models.sha256", FileFingerprint.sha256(models));
        if (tags != null) {
            input.addString(ImportCatalogJobConfiguration.TAGS_FILE, tags.toAbsolutePath().toString())
                    .addString("tags.sha256", FileFingerprint.sha256(tags));
        }
        try (ConfigurableApplicationContext context = BatchContext.start(catalog, true, options.verbose)) {
            JobExecution run = JobRuns.run(context, ImportCatalogJobConfiguration.JOB_NAME, input.toJobParameters());
            RejectionLog rejections = context.getBean(RejectionLog.class);
            return summarise(run, rejections, out, err);
        } catch (Exception e) {
            Failures.report(err, "import failed", e, options.verbose);
            return ExitCode.FAILED;
        }
    }

    private int summarise(JobExecution run, RejectionLog rejections, PrintWriter out, PrintWriter err) {
        List<RejectionLog.Rejection> rejected = rejections.all();
        rejected.stream().limit(SHOWN_REJECTIONS).forEach(r -> err.println("rejected: " + r));
        if (rejected.size() > SHOWN_REJECTIONS) {
            err.printf("... and %,d more rejected rows%n", rejected.size() - SHOWN_REJECTIONS);
        }
        long rejectedRows = 0;
        for (StepExecution step : run.getStepExecutions()) {
            long stepRejected = step.getFilterCount()
                    + step.getExecutionContext().getLong(CommandWriter.REJECTED_BY_HANDLERS, 0L);
            rejectedRows += stepRejected;
            String file = step.getStepName().equals(ImportCatalogJobConfiguration.MODELS_STEP) ? models.toString()
                    : tags == null ? "(no tags file)" : tags.toString();
            out.printf("%s: %,d rows read, %,d imported, %,d rejected%n", file, step.getReadCount(),
                    step.getReadCount() - stepRejected, stepRejected);
        }
        Duration took = Duration.between(run.getStartTime(), run.getEndTime() == null ? run.getStartTime()
                : run.getEndTime());
        if (run.getStatus() != BatchStatus.COMPLETED) {
            run.getAllFailureExceptions().forEach(e -> Failures.report(err, "import failed", e, options.verbose));
            err.printf("The catalog keeps every chunk committed so far; run the same command again to resume.%n");
            return ExitCode.FAILED;
        }
        out.printf("Imported into %s in %.1f s.%n", options.catalog, took.toMillis() / 1000.0);
        out.flush();
        return rejectedRows == 0 ? ExitCode.DONE : ExitCode.REJECTED_ROWS;
    }
}

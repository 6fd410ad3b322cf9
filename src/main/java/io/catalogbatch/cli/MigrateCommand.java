package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.batch.MigrateCatalogJob;
import io.catalogbatch.catalog.entrypoints.launch.CatalogPresence;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.runs.JobRuns;
import io.catalogbatch.shared.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch migrate}: a whole catalog from one store to another. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Copies a catalog between a CSV folder and a database (either way), every model as it is "
                + "(revision included), in restartable chunks: a failed run resumes when run again.",
                "Refuses a target that already holds models, unless --overwrite."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (run the same command again to resume) or target not empty",
                "2:usage error"})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "LOC", description = "The source catalog: folder or JDBC URL.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "LOC", description = "The target catalog: folder or JDBC URL.")
    String to;

    @Option(names = "--overwrite", description = "Empty the target first when it holds models.")
    boolean overwrite;

    @Option(names = "--verbose", description = "Show the framework's log and full stack traces.")
    boolean verbose;

    /** The same catalog however it is named: links, {@code ..}, an H2 file named two ways. */
    static boolean sameCatalog(StoreLocation source, StoreLocation target) {
        if (source.isDatabase() != target.isDatabase()) {
            return false;
        }
        if (!source.isDatabase()) {
            try {
                return source.folder().equals(target.folder()) || Files.exists(source.folder())
                        && Files.exists(target.folder()) && Files.isSameFile(source.folder(), target.folder());
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return h2File(source).equals(h2File(target));
    }

    private static String h2File(StoreLocation database) {
        String url = database.value();
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        int options = url.indexOf(';');
        String path = url.substring("jdbc:h2:file:".length(), options < 0 ? url.length() : options);
        return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreLocation source = StoreLocation.of(from);
        StoreLocation target = StoreLocation.of(to);
        if (sameCatalog(source, target)) {
            err.println("catalog-batch migrate: --from and --to name the same catalog");
            return ExitCode.USAGE;
        }
        try {
            if (CatalogPresence.absent(source)) {
                err.println(MissingCatalog.message("migrate", from, "--from"));
                return ExitCode.FAILED;
            }
        } catch (Exception e) {
            FailureReport.report(err, "migrate failed", e, verbose);
            return ExitCode.FAILED;
        }
        JobParameters input = new JobParametersBuilder()
                .addString(MigrateCatalogJob.FROM, source.shown())
                .addString(MigrateCatalogJob.TO, target.shown())
                .addString(MigrateCatalogJob.OVERWRITE, Boolean.toString(overwrite))
                .toJobParameters();
        try (ConfigurableApplicationContext context = BatchContext.start(target, true, verbose,
                Map.of(MigrateCatalogJob.SOURCE_SETTING, source.value()))) {
            CatalogStore store = context.getBean(CatalogStore.class);
            JobRuns.Plan plan = JobRuns.plan(context, MigrateCatalogJob.JOB_NAME, input);
            long held = store.queries().countModels();
            if (held > 0 && !overwrite && plan.resumes().isEmpty()) {
                err.printf("catalog-batch migrate: %s already holds %,d models; migrate into an empty catalog, "
                        + "or add --overwrite to replace them%n", target, held);
                return ExitCode.FAILED;
            }
            JobExecution run = JobRuns.launch(context, MigrateCatalogJob.JOB_NAME, plan, new JobParameters());
            LocalDateTime finished = run.getEndTime() == null ? LocalDateTime.now() : run.getEndTime();
            double seconds = Duration.between(run.getStartTime(), finished).toMillis() / 1000.0;
            if (run.getStatus() != BatchStatus.COMPLETED) {
                FailureReport.reportFirst(err, "migrate failed", run.getAllFailureExceptions(), verbose);
                err.println("Every chunk copied so far is kept; run the same command again to resume.");
                return ExitCode.FAILED;
            }
            spec.commandLine().getOut().printf("Copied %s to %s: %,d models in %.1f s.%n", source, target,
                    store.queries().countModels(), seconds);
            return ExitCode.DONE;
        } catch (Exception e) {
            FailureReport.report(err, "migrate failed", e, verbose);
            return ExitCode.FAILED;
        }
    }
}

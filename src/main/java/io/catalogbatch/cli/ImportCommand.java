package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.catalog.entrypoints.batch.ImportMode;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.shared.batch.FileFingerprint;
import io.catalogbatch.shared.batch.RunLog;
import io.catalogbatch.shared.batch.StoreLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch import}: models, then tags, into the catalog, with a report folder per run. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports a models file and, optionally, a tags file into the catalog.",
                "A failed or interrupted run is resumed by running the same command again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing rejected", "1:failed, or a file refused (run the same command again "
                + "to resume)", "2:usage error", "3:done, some rows rejected (see the report folder)"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--models", required = true, paramLabel = "FILE",
            description = "The models CSV file (name, description, task, framework, license, url, created, "
                    + "status, successor, revision, tags).")
    Path models;

    @Option(names = "--tags", paramLabel = "FILE", description = "A tags CSV file (model, tag, action).")
    Path tags;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The encoding of input files without a byte order mark, e.g. windows-1252. "
                    + "Default: ${DEFAULT-VALUE}")
    String charset;

    @Option(names = "--report", paramLabel = "DIR",
            description = "The report folder (summary.json, *.errors.csv, changes.csv, run.log). "
                    + "Default: ./runs/<time>-<id>/")
    Path report;

    @Option(names = "--mode", paramLabel = "merge|replace", defaultValue = "merge",
            description = {"merge (default): add and remove tags as the rows say.",
                    "replace: each listed model's tags become exactly those this run lists for it "
                            + "(inline tags and add rows, minus remove rows); other models keep theirs."})
    String mode;

    @Option(names = "--dry-run", description = "Validate and report without changing the catalog.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String usageProblem = usageProblem();
        if (usageProblem != null) {
            err.println("catalog-batch import: " + usageProblem);
            return ExitCode.USAGE;
        }
        StoreLocation catalog = options.location();
        JobParametersBuilder input = new JobParametersBuilder()
                .addString("catalog", catalog.value())
                .addString(ImportCatalogJobConfiguration.MODELS_FILE, models.toAbsolutePath().toString())
                .addString("models.sha256", FileFingerprint.sha256(models))
                .addString(ImportCatalogJobConfiguration.CHARSET, Charset.forName(charset).name())
                .addString(ImportCatalogJobConfiguration.DRY_RUN, Boolean.toString(dryRun))
                .addString(ImportCatalogJobConfiguration.MODE, ImportMode.of(mode).name().toLowerCase(Locale.ROOT));
        if (tags != null) {
            input.addString(ImportCatalogJobConfiguration.TAGS_FILE, tags.toAbsolutePath().toString())
                    .addString("tags.sha256", FileFingerprint.sha256(tags));
        }
        RunReportFolder folder = null;
        try (ConfigurableApplicationContext context = dryRun ? dryRunContext(catalog)
                : BatchContext.start(catalog, true, options.verbose)) {
            context.getBean(CatalogStore.class); // opens (and, to write, locks) the catalog before anything else
            JobRuns.Plan plan = JobRuns.plan(context, ImportCatalogJobConfiguration.JOB_NAME, input.toJobParameters());
            folder = RunReportFolder.choose(dryRun ? dryRunFolder : report, plan);
            try (RunLog log = RunLog.into(folder.path())) {
                JobExecution run = JobRuns.launch(context, ImportCatalogJobConfiguration.JOB_NAME, plan,
                        new JobParametersBuilder()
                                .addString(ImportCatalogJobConfiguration.REPORT_DIR, folder.path().toString(), false)
                                .toJobParameters());
                // Writes the catalog files now: a full disk then fails the run (exit 1) instead of a log line at exit.
                context.getBean(CatalogStore.class).close();
                ImportSummary summary = new ImportSummary(run, folder, options.catalog, dryRun,
                        ImportMode.of(mode), models, tags);
                return summary.report(spec.commandLine().getOut(), err);
            }
        } catch (Exception e) {
            Failures.report(err, "import failed", e, options.verbose);
            if (folder != null) {
                err.printf("Report folder: %s%n", folder.path());
            }
            err.println("Nothing committed is lost; run the same command again to resume.");
            return ExitCode.FAILED;
        }
    }

    private Path dryRunFolder;

    /**
     * A dry run changes nothing of the catalog, its folder included: its job repository goes into its own
     * report folder, and the catalog is only read.
     */
    private ConfigurableApplicationContext dryRunContext(StoreLocation catalog) throws IOException {
        dryRunFolder = RunReportFolder.choose(report, JobRuns.Plan.fresh()).path();
        return BatchContext.start(catalog, StoreLocation.jobRepositoryIn(dryRunFolder.resolve(".jobs")), false,
                options.verbose);
    }

    private String usageProblem() {
        for (Path file : tags == null ? List.of(models) : List.of(models, tags)) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                return "cannot read " + file + ": no such readable file";
            }
        }
        try {
            ImportMode.of(mode);
        } catch (IllegalArgumentException e) {
            return "--mode " + mode + " is neither merge nor replace";
        }
        try {
            Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return "--charset " + charset + " is not an encoding this Java knows (try UTF-8 or windows-1252)";
        }
        return null;
    }
}

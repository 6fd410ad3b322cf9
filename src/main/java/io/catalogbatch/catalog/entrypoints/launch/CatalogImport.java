package io.catalogbatch.catalog.entrypoints.launch;

import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.catalog.entrypoints.batch.ImportMode;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.ErrorsWorkbooks;
import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.runs.FileFingerprint;
import io.catalogbatch.runs.JobRepositoryLocation;
import io.catalogbatch.runs.JobRuns;
import io.catalogbatch.runs.RunLog;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.remote.Broker;
import io.catalogbatch.shared.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One import run, as {@code import} and {@code watch} start it: the catalog opened (and locked) first, then the
 * plan (resume the failed run of the same files, or a new attempt), the report folder, the job, the summary. The
 * import's own part of a launch (its parameters, the dry run's job repository, closing the catalog before the
 * summary); {@code runs} does the rest, and the caller says the outcome in its words.
 */
public final class CatalogImport {

    /**
     * What to import. {@code models} or {@code tags} may be null, not both; {@code report} null means the folder
     * of the run resumed, or a new one in {@code newReportsIn}.
     */
    public record Request(String catalog, Path models, Path tags, Charset charset, ImportMode mode, boolean dryRun,
                   Path report, Path newReportsIn, String command, boolean verbose, Broker broker) {

        /** An import on this machine alone. */
        public Request(String catalog, Path models, Path tags, Charset charset, ImportMode mode, boolean dryRun,
                       Path report, Path newReportsIn, String command, boolean verbose) {
            this(catalog, models, tags, charset, mode, dryRun, report, newReportsIn, command, verbose, null);
        }
    }

    /**
     * What to do once the run ended and its {@code summary.json} is written, with its context still open (the
     * catalog still locked): say the outcome, file the input away.
     */
    public interface AfterRun {
        void accept(ConfigurableApplicationContext context, JobExecution run, RunSummary summary) throws Exception;
    }

    private final Request request;
    private Path folder;

    public CatalogImport(Request request) {
        this.request = request;
    }

    /** The report folder, once chosen (also after a failure). */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Runs the import and returns what its {@code summary.json} says. */
    public RunSummary run(AfterRun afterRun) throws Exception {
        StoreLocation catalog = StoreLocation.of(request.catalog());
        try (ConfigurableApplicationContext context = start(catalog)) {
            context.getBean(CatalogStore.class); // opens (and, to write, locks) the catalog before anything else
            if (request.broker() != null && !request.dryRun()) {
                request.broker().requireReachable(context);
            }
            JobRuns.Plan plan = request.dryRun()
                    ? JobRuns.planAnew(context, ImportCatalogJobConfiguration.JOB_NAME, input(catalog))
                    : JobRuns.plan(context, ImportCatalogJobConfiguration.JOB_NAME, input(catalog));
            RunReportFolder chosen = RunReportFolder.choose(request.dryRun() ? folder : request.report(), plan,
                    request.newReportsIn());
            folder = chosen.path();
            JobExecution run;
            RunSummary summary;
            try (RunLog log = RunLog.into(folder)) {
                run = JobRuns.launch(context, ImportCatalogJobConfiguration.JOB_NAME, plan,
                        new JobParametersBuilder()
                                .addString(ImportCatalogJobConfiguration.REPORT_DIR, folder.toString(), false)
                                .addString(JobRuns.COMMAND, request.command(), false)
                                .toJobParameters());
                ImportSummary summarized = new ImportSummary(run, chosen, catalog.shown(), request.dryRun(),
                        request.mode(), request.models(), request.tags(),
                        new ErrorsFiles(context.getBean(ErrorsWorkbooks.class), folder));
                // Writes the catalog files now: a full disk then fails the run (exit 1) instead of a log line at exit.
                try {
                    context.getBean(CatalogStore.class).close();
                } catch (IOException | RuntimeException e) {
                    try {
                        summarized.failedAtTheEnd();
                    } catch (IOException | RuntimeException summaryFailed) {
                        e.addSuppressed(summaryFailed); // a report folder on the same full disk
                    }
                    throw e;
                }
                summary = summarized.write();
            }
            afterRun.accept(context, run, summary);
            return summary;
        }
    }

    /**
     * A dry run changes nothing of the catalog, its folder included: its job repository goes into its own
     * report folder, and the catalog is only read.
     */
    private ConfigurableApplicationContext start(StoreLocation catalog) throws IOException, SQLException {
        if (!request.dryRun()) {
            // With a broker, the import steps' partitions run on the workers, under this run's writer lock.
            return BatchContext.start(catalog, true, request.verbose(),
                    request.broker() == null ? Map.of() : request.broker().settings());
        }
        folder = RunReportFolder.choose(request.report(), JobRuns.Plan.fresh(), request.newReportsIn()).path();
        String jobRepository = JobRepositoryLocation.in(folder.resolve(".jobs"));
        // A database that holds no catalog is not created: the run checks against an empty one of its own.
        StoreLocation read = catalog.isDatabase() && CatalogPresence.absent(catalog)
                ? StoreLocation.of(jobRepository) : catalog;
        return BatchContext.start(read, jobRepository, false, request.verbose());
    }

    /**
     * The identifying parameters: the catalog, each file's absolute path and content hash, the options. A database
     * by its URL with any password masked: the job repository never holds it, and the same catalog reached with
     * another password is the same run.
     */
    private JobParameters input(StoreLocation catalog) throws IOException {
        // A folder by its absolute path: the same catalog named from another working directory (cron) resumes.
        String where = catalog.isDatabase() ? catalog.shown() : catalog.folder().toString();
        JobParametersBuilder input = new JobParametersBuilder().addString("catalog", where);
        if (request.models() != null) {
            input.addString(ImportCatalogJobConfiguration.MODELS_FILE, request.models().toAbsolutePath().toString())
                    .addString("models.sha256", FileFingerprint.sha256(request.models()));
        }
        input.addString(ImportCatalogJobConfiguration.CHARSET, request.charset().name())
                .addString(ImportCatalogJobConfiguration.DRY_RUN, Boolean.toString(request.dryRun()))
                .addString(ImportCatalogJobConfiguration.MODE, request.mode().name().toLowerCase(Locale.ROOT));
        if (request.tags() != null) {
            input.addString(ImportCatalogJobConfiguration.TAGS_FILE, request.tags().toAbsolutePath().toString())
                    .addString("tags.sha256", FileFingerprint.sha256(request.tags()));
        }
        return input.toJobParameters();
    }
}

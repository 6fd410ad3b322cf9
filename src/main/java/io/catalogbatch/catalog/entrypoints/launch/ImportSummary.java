package io.catalogbatch.catalog.entrypoints.launch;

import static io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration.MODELS;
import static io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration.TAGS;

import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.catalog.entrypoints.batch.IgnoredProgramChanges;
import io.catalogbatch.catalog.entrypoints.batch.ImportMode;
import io.catalogbatch.runs.ReportFiles;
import io.catalogbatch.runs.RunCounts;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.batch.InputFileFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The end of an import run: {@code summary.json} in the report folder, with the status and exit code (SPEC §6).
 * Counts come from the job repository and the report files ({@link RunCounts}), so a run resumed after a failure
 * reports the whole run, not only its last part.
 */
final class ImportSummary {

    private final JobExecution run;
    private final RunReportFolder folder;
    private final String catalog;
    private final boolean dryRun;
    private final ImportMode mode;
    private final Path models;
    private final Path tags;
    private final ErrorsFiles errors;

    ImportSummary(JobExecution run, RunReportFolder folder, String catalog, boolean dryRun, ImportMode mode,
                  Path models, Path tags, ErrorsFiles errors) {
        this.errors = errors;
        this.mode = mode;
        this.run = run;
        this.folder = folder;
        this.catalog = catalog;
        this.dryRun = dryRun;
        this.models = models;
        this.tags = tags;
    }

    /**
     * Writes {@code summary.json} of a run whose catalog files could not be written at the end (a full
     * disk): {@code failed}, exit code 1. A script reading the report folder must find this run's summary, not none.
     */
    RunSummary failedAtTheEnd() throws IOException {
        return summarize(true);
    }

    /** Writes {@code summary.json} and returns what it wrote. */
    RunSummary write() throws IOException {
        return summarize(false);
    }

    private RunSummary summarize(boolean failedAtTheEnd) throws IOException {
        ExecutionContext job = run.getExecutionContext();
        List<FileSummary> files = new ArrayList<>();
        FileSummary modelsFile = models == null ? null
                : file(MODELS, models, job, ImportCatalogJobConfiguration.MODELS_STEP, "");
        if (modelsFile != null) {
            files.add(modelsFile);
        }
        if (tags != null) {
            String tagsRefusal = modelsFile != null && modelsFile.refused() ? "models-file-refused" : "";
            files.add(file(TAGS, tags, job, ImportCatalogJobConfiguration.TAGS_STEP, tagsRefusal));
        }
        boolean stopped = run.getStatus() == BatchStatus.STOPPED;
        boolean failed = run.getStatus() != BatchStatus.COMPLETED || failedAtTheEnd;
        boolean refused = files.stream().anyMatch(FileSummary::refused);
        long rejected = files.stream().mapToLong(FileSummary::rejected).sum();
        RunStatus status = RunStatus.of(stopped, failed, refused, rejected);
        long changes = ReportFiles.count(folder.path().resolve("changes.csv"));
        long programChanges = ReportFiles.count(folder.path().resolve(IgnoredProgramChanges.FILE));
        LocalDateTime started = run.getStartTime();
        LocalDateTime finished = run.getEndTime() == null ? LocalDateTime.now() : run.getEndTime();
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        RunSummary summary = new RunSummary("import", status.word(), status.exitCode(), dryRun, catalog,
                mode.name().toLowerCase(Locale.ROOT), started.toString(), finished.toString(), seconds, changes,
                programChanges, folder.path().toString(), files);
        summary.writeTo(folder.path());
        return summary;
    }

    private FileSummary file(InputFileFacts facts, Path path, ExecutionContext job, String stepName,
                             String refusedBecause) throws IOException {
        String name = path.getFileName().toString();
        if (!refusedBecause.isEmpty()) {
            return FileSummary.refusedFile(facts.role(), path.toString(), refusedBecause, 0,
                    name + " was not processed because the models file was refused.", "", "");
        }
        String reason = facts.refusal(job);
        if (!reason.isEmpty()) {
            return FileSummary.refusedFile(facts.role(), path.toString(), reason, facts.refusalLine(job),
                    facts.refusalMessage(job), facts.encoding(job), facts.delimiter(job));
        }
        long rejected = ReportFiles.count(folder.path().resolve(facts.role() + ErrorsFiles.CSV));
        RunCounts counts = RunCounts.ofFile(run, stepName, facts.role(), facts.rows(job), rejected);
        return new FileSummary(facts.role(), path.toString(), counts, facts.encoding(job), facts.delimiter(job),
                errors.of(facts.role(), path, rejected));
    }
}

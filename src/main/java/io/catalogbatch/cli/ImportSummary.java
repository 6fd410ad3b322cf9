package io.catalogbatch.cli;

import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunReportFolder;
import static io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration.MODELS;
import static io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration.TAGS;

import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.catalog.entrypoints.batch.ImportMode;
import io.catalogbatch.shared.batch.InputFileFacts;
import io.catalogbatch.runs.ReportFiles;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The end of an import run: {@code summary.json} in the report folder, a short summary for people, and
 * the exit code (SPEC §6). Counts come from the job repository and the report files, so a run resumed
 * after a failure reports the whole run, not only its last part.
 */
final class ImportSummary {

    private static final int SHOWN_REJECTIONS = 5;

    private final JobExecution run;
    private final RunReportFolder folder;
    private final String catalog;
    private final boolean dryRun;
    private final ImportMode mode;
    private final Path models;
    private final Path tags;

    ImportSummary(JobExecution run, RunReportFolder folder, String catalog, boolean dryRun, ImportMode mode,
                  Path models, Path tags) {
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
     * disk): {@code failed}, exit code 1; prints nothing, the caller reports the failure. A script reading
     * the report folder must find this run's summary, not none.
     */
    RunSummary failedAtTheEnd() throws IOException {
        return summarize(true);
    }

    /** Writes {@code summary.json}, prints the summary for people, and returns what it wrote. */
    RunSummary report(PrintWriter out, PrintWriter err) throws IOException {
        RunSummary summary = summarize(false);
        for (FileSummary file : summary.files()) {
            printFile(file, out, err);
        }
        RunStatus status = RunStatus.named(summary.status()).orElseThrow();
        if (status == RunStatus.STOPPED) {
            err.println(dryRun ? "Dry run stopped on request; run the same command again to start it over."
                    : "Stopped on request after the last committed chunk; run the same command again to resume.");
        } else if (status == RunStatus.FAILED) {
            Failures.reportFirst(err, "import failed", run.getAllFailureExceptions(), false);
            err.println(dryRun ? "Dry run: nothing was stored; run the same command again to start it over."
                    : "Nothing committed is lost; run the same command again to resume.");
        }
        out.printf("%s%,d changes to %s in %.1f s. Report: %s%n", dryRun ? "Dry run, nothing stored: " : "",
                summary.changes(), catalog, summary.durationSeconds(), folder.path());
        out.flush();
        return summary;
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
        LocalDateTime started = run.getStartTime();
        LocalDateTime finished = run.getEndTime() == null ? LocalDateTime.now() : run.getEndTime();
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        RunSummary summary = new RunSummary("import", status.word(), status.exitCode(), dryRun, catalog,
                mode.name().toLowerCase(Locale.ROOT), started.toString(), finished.toString(), seconds, changes,
                folder.path().toString(), files);
        summary.writeTo(folder.path());
        return summary;
    }

    private FileSummary file(InputFileFacts facts, Path path, ExecutionContext job, String stepName,
                             String refusedBecause) throws IOException {
        String name = path.getFileName().toString();
        if (!refusedBecause.isEmpty()) {
            return new FileSummary(facts.role(), path.toString(), true, refusedBecause, 0,
                    name + " was not processed because the models file was refused.", 0, 0, 0, 0, "", "");
        }
        String reason = facts.refusal(job);
        if (!reason.isEmpty()) {
            return new FileSummary(facts.role(), path.toString(), true, reason, facts.refusalLine(job),
                    facts.refusalMessage(job), 0, 0, 0, 0, facts.encoding(job), facts.delimiter(job));
        }
        long total = Math.max(0, facts.rows(job));
        long read = stepCompleted(stepName) ? total : committedRows(stepName, facts.role());
        long rejected = ReportFiles.count(folder.path().resolve(facts.role() + ".errors.csv"));
        long imported = Math.max(0, read - rejected);
        return new FileSummary(facts.role(), path.toString(), false, "", 0, "", read, imported, rejected,
                total - read, facts.encoding(job), facts.delimiter(job));
    }

    private boolean stepCompleted(String stepName) {
        return run.getStepExecutions().stream()
                .anyMatch(s -> s.getStepName().equals(stepName) && s.getStatus() == BatchStatus.COMPLETED)
                || (run.getStatus() == BatchStatus.COMPLETED && run.getStepExecutions().stream()
                        .noneMatch(s -> s.getStepName().equals(stepName)));
    }

    private long committedRows(String stepName, String role) {
        return run.getStepExecutions().stream().filter(s -> s.getStepName().equals(stepName))
                .mapToLong(s -> s.getExecutionContext().getLong(role + ".rows", 0L)).max().orElse(0L);
    }

    private void printFile(FileSummary file, PrintWriter out, PrintWriter err) throws IOException {
        String name = Path.of(file.path()).getFileName().toString();
        if (file.refused()) {
            err.printf("%s refused, nothing from it imported: %s (%s)%n", name, file.message(), file.reason());
            return;
        }
        out.printf("%s: %,d rows read, %,d imported, %,d rejected%s (%s, %s)%n", name, file.read(), file.imported(),
                file.rejected(), file.skipped() > 0 ? String.format(", %,d not reached", file.skipped()) : "",
                file.encoding(), file.delimiter());
        if (file.rejected() > 0) {
            Path errors = folder.path().resolve(file.role() + ".errors.csv");
            for (CSVRecord rejection : ReportFiles.read(errors, SHOWN_REJECTIONS).first()) {
                err.printf("  %s line %s%s: %s (%s)%n", name, rejection.get("error_line"),
                        rejection.get("error_field").isEmpty() ? "" : ", column " + rejection.get("error_field"),
                        rejection.get("error_message"), rejection.get("error_reason"));
            }
            if (file.rejected() > SHOWN_REJECTIONS) {
                err.printf("  ... every rejected row is in %s%n", errors);
            }
        }
    }
}

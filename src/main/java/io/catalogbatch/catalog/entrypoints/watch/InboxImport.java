package io.catalogbatch.catalog.entrypoints.watch;

import io.catalogbatch.catalog.entrypoints.batch.ImportMode;
import io.catalogbatch.catalog.entrypoints.launch.CatalogImport;
import io.catalogbatch.catalog.entrypoints.launch.ImportFailures;
import io.catalogbatch.runs.Failures;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.faults.FaultPoint;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The import of one batch of the inbox, through the same path as {@code import}: under the inbox's lock (no
 * other watcher takes the same files), with the catalog's own lock (one import at a time per catalog). Done
 * or refused, the files and the report folder are filed in {@code done/} or {@code failed/}; failed or stopped,
 * they stay in the inbox and the next attempt resumes the run. One log line per file says what happened.
 */
final class InboxImport {

    /** What became of a batch. */
    enum Kind {
        /** Imported (done, with or without rejections) or refused: filed. */
        FILED,
        /** Failed or stopped: left in the inbox, resumed by the next attempt. */
        LEFT,
        /** The catalog or the inbox is in use by another run: nothing done, try again later. */
        BUSY,
        /** Another watcher took some of its files meanwhile: passed over, and said so. */
        GONE
    }

    /** What became of a batch, and the exit code of its import (0 when it was not imported). */
    record Outcome(Kind kind, int exitCode) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Inbox inbox;
    private final String catalog;
    private final ImportMode mode;
    private final Charset charset;
    private final boolean verbose;
    private final Clock clock;
    private final PrintWriter log;

    InboxImport(Inbox inbox, String catalog, ImportMode mode, Charset charset, boolean verbose, Clock clock,
                PrintWriter log) {
        this.inbox = inbox;
        this.catalog = catalog;
        this.mode = mode;
        this.charset = charset;
        this.verbose = verbose;
        this.clock = clock;
        this.log = log;
    }

    Outcome run(Inbox.Batch batch) throws IOException {
        FaultPoint.reach("batch-chosen");
        Optional<InboxLock> claimed = InboxLock.tryAcquire(inbox);
        if (claimed.isEmpty()) {
            return new Outcome(Kind.BUSY, RunStatus.DONE.exitCode());
        }
        try (InboxLock lock = claimed.get()) {
            List<Path> gone = inbox.gone(batch);
            if (!gone.isEmpty()) {
                passedOver(gone);
                return new Outcome(Kind.GONE, RunStatus.DONE.exitCode());
            }
            return importAndFile(batch);
        }
    }

    /**
     * Says that files this watcher listed were taken by another watcher meanwhile (it imported them, or is
     * importing them): not a failure of this one, which leaves them to it.
     */
    void passedOver(Collection<Path> files) {
        for (Path file : files) {
            line("%s: taken by another watcher meanwhile; passed over", file.getFileName());
        }
    }

    private Outcome importAndFile(Inbox.Batch batch) {
        CatalogImport run = new CatalogImport(new CatalogImport.Request(catalog, batch.models(), batch.tags(),
                charset, mode, false, null, inbox.workFolder().resolve("reports"), "watch", verbose));
        Inbox.Filed[] filed = new Inbox.Filed[1];
        try {
            RunSummary summary = run.run((context, execution, written) -> {
                if (filed(written)) {
                    boolean done = !written.status().equals(RunStatus.REFUSED.word());
                    filed[0] = inbox.file(batch, done, LocalDate.now(clock), Path.of(written.reportFolder()));
                    recordMove(context, execution, written, filed[0]);
                }
            });
            for (FileSummary file : summary.files()) {
                logLine(file, summary, filed[0]);
            }
            return new Outcome(filed[0] != null ? Kind.FILED : Kind.LEFT, summary.exitCode());
        } catch (Exception e) {
            if (ImportFailures.catalogBusy(e)) {
                return new Outcome(Kind.BUSY, RunStatus.DONE.exitCode());
            }
            String where = run.folder().map(folder -> "; report " + folder).orElse("");
            for (Path file : batch.files()) {
                line("%s: failed: %s; left in the inbox, the next attempt resumes it%s", file.getFileName(),
                        Failures.rootMessage(e), where);
            }
            if (verbose) {
                e.printStackTrace(log);
            }
            return new Outcome(Kind.LEFT, RunStatus.FAILED.exitCode());
        }
    }

    /** Done (with or without rejections) and refused runs are filed; failed and stopped ones resume. */
    private static boolean filed(RunSummary summary) {
        return RunStatus.named(summary.status()).map(RunStatus::ended).orElse(false);
    }

    /**
     * Where the report went, for {@code history} (every execution of the run) and in {@code summary.json}
     * itself, whose paths would else name the inbox.
     */
    private static void recordMove(ConfigurableApplicationContext context, JobExecution execution,
                                   RunSummary summary, Inbox.Filed filed) throws IOException {
        JobRepository repository = context.getBean(JobRepository.class);
        for (JobExecution each : repository.getJobExecutions(execution.getJobInstance())) {
            each.getExecutionContext().putString(RunReportFolder.MOVED_TO, filed.report().toString());
            repository.updateExecutionContext(each);
        }
        List<FileSummary> files = summary.files().stream().map(file -> new FileSummary(file.role(),
                filed.files().getOrDefault(Path.of(file.path()), Path.of(file.path())).toString(), file.refused(),
                file.reason(), file.line(), file.message(), file.read(), file.imported(), file.rejected(),
                file.skipped(), file.encoding(), file.delimiter(), file.errorsFile())).toList();
        new RunSummary(summary.command(), summary.status(), summary.exitCode(), summary.dryRun(), summary.catalog(),
                summary.mode(), summary.started(), summary.finished(), summary.durationSeconds(), summary.changes(),
                summary.programChanges(), filed.report().toString(), files).writeTo(filed.report());
    }

    private void logLine(FileSummary file, RunSummary summary, Inbox.Filed filed) {
        String name = Path.of(file.path()).getFileName().toString();
        String what;
        if (file.refused()) {
            what = String.format("refused (%s%s): %s", file.reason(), file.line() > 0 ? ", line " + file.line() : "",
                    file.message());
        } else {
            what = String.format("%s, %,d rows read, %,d imported, %,d rejected", fileStatus(file, summary),
                    file.read(), file.imported(), file.rejected());
        }
        String where = filed != null ? String.format("filed in %s; report %s", filed.folder(), filed.report())
                : String.format("left in the inbox, the next attempt resumes it; report %s", summary.reportFolder());
        line("%s: %s; exit %d; %s", name, what, summary.exitCode(), where);
    }

    private static String fileStatus(FileSummary file, RunSummary summary) {
        if (RunStatus.named(summary.status()).map(RunStatus::interrupted).orElse(false)) {
            return summary.status();
        }
        return RunStatus.of(false, false, false, file.rejected()).word();
    }

    /** A line of the watcher's log: the time, then the message, a password in a location shown masked. */
    void line(String format, Object... args) {
        log.printf("%s %s%n", LocalDateTime.now(clock).format(TIME), UrlSecrets.scrubbed(String.format(format, args)));
        log.flush();
    }
}

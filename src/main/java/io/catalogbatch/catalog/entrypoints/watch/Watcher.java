package io.catalogbatch.catalog.entrypoints.watch;

import io.catalogbatch.catalog.entrypoints.batch.ImportMode;
import io.catalogbatch.runs.GracefulStop;
import io.catalogbatch.runs.RunStatus;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.scheduling.support.CronExpression;

/**
 * The watch loop: looks at the inbox (every poll, at the times of a cron expression, or once), imports each ready
 * batch ({@link InboxImport}), waits for files that settle and for a busy catalog, and ends on a stop request
 * (SIGTERM, Ctrl-C: {@link GracefulStop}). Says what it does in the watcher's log, a line each.
 */
public final class Watcher {

    /** What to watch and how: the inbox, when a file is ready, how often to look; where to import, and how. */
    public record Settings(Path inbox, Duration settle, boolean markerRequired, Duration poll, String catalog,
                           ImportMode mode, Charset charset, boolean verbose) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Inbox inbox;
    private final InboxImport imports;
    private int worst = RunStatus.DONE.exitCode();
    /** The batches found busy (the catalog or the inbox), by name, in name order: the log says it once per wait. */
    private final Map<String, Inbox.Batch> waitingFor = new TreeMap<>();

    public Watcher(Settings settings, Clock clock, PrintWriter log) {
        this.settings = settings;
        this.clock = clock;
        this.inbox = new Inbox(settings.inbox(), settings.settle(), settings.markerRequired(), clock);
        this.imports = new InboxImport(inbox, settings.catalog(), settings.mode(), settings.charset(),
                settings.verbose(), clock, log);
    }

    /** Imports what is in the inbox (waiting for it to settle) and returns the worst exit code of its imports. */
    public int once() throws Exception {
        imports.line("watching %s once, into %s", inbox.folder(), settings.catalog());
        drain();
        return worst;
    }

    /** Wakes at the times of {@code cron} (written {@code expression}) and imports what is there, until stopped. */
    public void atTimes(CronExpression cron, String expression) throws Exception {
        imports.line("watching %s at \"%s\", into %s", inbox.folder(), expression, settings.catalog());
        while (true) {
            ZonedDateTime next = cron.next(ZonedDateTime.now(clock));
            if (next == null || GracefulStop.pause(Duration.between(ZonedDateTime.now(clock), next))) {
                break;
            }
            drain();
        }
        imports.line("stopped");
    }

    /** Looks at the inbox every poll and imports what is ready, until stopped. */
    public void polling() throws Exception {
        imports.line("watching %s every %s, into %s", inbox.folder(), settings.poll(), settings.catalog());
        do {
            pass(new HashSet<>());
        } while (!GracefulStop.pause(settings.poll()));
        imports.line("stopped");
    }

    /**
     * Imports every batch in the inbox, waiting for files to settle and for a busy catalog, until none is left
     * that this drain has not tried (a batch that failed is tried again by the next drain, not this one).
     */
    private void drain() throws Exception {
        Set<String> tried = new HashSet<>();
        while (!GracefulStop.requested() && pass(tried) && !GracefulStop.pause(settings.poll())) {
            // files settling, or a busy catalog: look again after the poll interval
        }
    }

    /** One look at the inbox: imports the ready batches not tried yet; returns whether some are waiting. */
    private boolean pass(Set<String> tried) throws Exception {
        List<Inbox.Candidate> candidates = inbox.look();
        passOverTaken(candidates);
        boolean waiting = false;
        for (Inbox.Candidate candidate : candidates) {
            Inbox.Batch batch = candidate.batch();
            String name = batch.name();
            if (tried.contains(name)) {
                continue;
            }
            if (!candidate.ready() || GracefulStop.requested()) {
                waiting |= candidate.settling();
                continue;
            }
            InboxImport.Outcome outcome = imports.run(batch);
            switch (outcome.kind()) {
                case BUSY -> {
                    if (waitingFor.put(name, batch) == null) {
                        imports.line("%s: the catalog or the inbox is in use by another run; waiting for it",
                                String.join(", ", batch.files().stream()
                                        .map(file -> file.getFileName().toString()).toList()));
                    }
                    waiting = true;
                }
                case GONE -> {
                    waitingFor.remove(name);
                    // What another watcher left of it (a pair of which it took one file) is a batch of its own.
                    waiting |= inbox.gone(batch).size() < batch.files().size();
                }
                default -> {
                    waitingFor.remove(name);
                    tried.add(name);
                    worst = worse(worst, outcome.exitCode());
                }
            }
        }
        return waiting;
    }

    /**
     * The batches this watcher waits for that another watcher took since (a pair of which it took one file too):
     * passed over, and said so. What is left of one is a batch of its own in this look.
     */
    private void passOverTaken(List<Inbox.Candidate> candidates) {
        Set<Path> listed = new HashSet<>();
        candidates.forEach(candidate -> listed.addAll(candidate.batch().files()));
        for (Iterator<Inbox.Batch> waited = waitingFor.values().iterator(); waited.hasNext(); ) {
            List<Path> taken = waited.next().files().stream().filter(file -> !listed.contains(file)).toList();
            if (!taken.isEmpty()) {
                imports.passedOver(taken);
                waited.remove();
            }
        }
    }

    /** The worse of two exit codes: failed or refused (1), over rejected rows (3), over done (0). */
    static int worse(int a, int b) {
        List<Integer> order = List.of(RunStatus.DONE.exitCode(), RunStatus.DONE_WITH_REJECTIONS.exitCode(),
                RunStatus.FAILED.exitCode());
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }
}

package io.catalogbatch.cli;

import io.catalogbatch.runs.GracefulStop;
import java.io.PrintWriter;
import java.nio.file.Files;
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
import java.util.concurrent.Callable;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch watch}: the nightly mode, imports what arrives in an inbox (SPEC §6; docs/watch.md). */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports the files dropped in an inbox folder: each *models*.csv with the *tags*.csv of the "
                + "same name (acme-models.csv with acme-tags.csv), or a tags file alone. A file is taken once it "
                + "has a NAME.ready marker beside it, or once its size and time stay unchanged for the settle period.",
                "Imported files (and refused ones) move to done/<date>/ (failed/<date>/) in the inbox, with their "
                        + "report folder beside them; a failed run leaves them in the inbox and the next attempt "
                        + "resumes it. One import at a time per catalog; a busy catalog is waited for.",
                "Polls the inbox every --poll, or wakes at the times of --cron, or, with --once, imports what is "
                        + "there and exits. SIGTERM or Ctrl-C lets the running import finish its chunk and exits.",
                "See docs/watch.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:--once: every batch done, nothing rejected (or nothing to do); polling or --cron: "
                + "stopped by a signal", "1:--once: a batch failed, was refused or was stopped; or the inbox "
                + "could not be read", "2:usage error", "3:--once: done, some rows rejected"})
final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "The folder files are dropped in.")
    Path inboxFolder;

    @ArgGroup(exclusive = true)
    When when = new When();

    static final class When {
        @Option(names = "--cron", paramLabel = "EXPR", description = {"Wake at these times (Spring's cron: second "
                + "minute hour day month weekday, e.g. \"0 0 2 * * *\" for 02:00 every day, or @daily, @hourly), "
                + "import what is there, and sleep again."})
        String cron;

        @Option(names = "--once", description = "Import what is in the inbox (waiting for it to settle) and exit: "
                + "for cron or a systemd timer.")
        boolean once;
    }

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How often to look at the inbox (500ms, 10s, 5m ...). Default: ${DEFAULT-VALUE}")
    Duration poll;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long a file without a .ready marker must stay unchanged to be taken. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration settle;

    @Option(names = "--require-ready", description = "Take only files that have a NAME.ready marker beside them.")
    boolean requireReady;

    @Mixin
    ImportOptions importOptions;

    private InboxImport imports;
    private Inbox inbox;
    private int worst = ExitCode.DONE;
    /** The batches found busy (the catalog or the inbox), by name, in name order: the log says it once per wait. */
    private final Map<String, Inbox.Batch> waitingFor = new TreeMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String usageProblem = usageProblem();
        if (usageProblem != null) {
            err.println("catalog-batch watch: " + usageProblem);
            return ExitCode.USAGE;
        }
        Clock clock = Clock.systemDefaultZone();
        inbox = new Inbox(inboxFolder, settle, requireReady, clock);
        imports = new InboxImport(inbox, options.catalog, importOptions.mode(), importOptions.charset(),
                options.verbose, clock, spec.commandLine().getOut());
        try {
            if (when.once) {
                imports.line("watching %s once, into %s", inbox.folder(), options.catalog);
                drain();
                return worst;
            }
            if (when.cron != null) {
                CronExpression cron = CronExpression.parse(when.cron);
                imports.line("watching %s at \"%s\", into %s", inbox.folder(), when.cron, options.catalog);
                while (true) {
                    ZonedDateTime next = cron.next(ZonedDateTime.now(clock));
                    if (next == null || GracefulStop.pause(Duration.between(ZonedDateTime.now(clock), next))) {
                        break;
                    }
                    drain();
                }
            } else {
                imports.line("watching %s every %s, into %s", inbox.folder(), poll, options.catalog);
                do {
                    pass(new HashSet<>());
                } while (!GracefulStop.pause(poll));
            }
            imports.line("stopped");
            return ExitCode.DONE;
        } catch (Exception e) {
            FailureReport.report(err, "watch failed", e, options.verbose);
            return ExitCode.FAILED;
        }
    }

    /**
     * Imports every batch in the inbox, waiting for files to settle and for a busy catalog, until none is left
     * that this drain has not tried (a batch that failed is tried again by the next drain, not this one).
     */
    private void drain() throws Exception {
        Set<String> tried = new HashSet<>();
        while (!GracefulStop.requested() && pass(tried) && !GracefulStop.pause(poll)) {
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
        List<Integer> order = List.of(ExitCode.DONE, ExitCode.REJECTED_ROWS, ExitCode.FAILED);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private String usageProblem() {
        if (!Files.isDirectory(inboxFolder)) {
            return "--inbox " + inboxFolder + " is not a folder; create it, or name the folder files are dropped in";
        }
        if (when.cron != null && !CronExpression.isValidExpression(when.cron)) {
            return "--cron \"" + when.cron + "\" is not a cron expression: six fields, second minute hour day "
                    + "month weekday, e.g. \"0 0 2 * * *\" for 02:00 every day";
        }
        if (poll.isZero()) {
            return "--poll must be longer than 0";
        }
        return importOptions.problem();
    }
}

package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.watch.Watcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
                + "same name (acme-models.csv with acme-tags.csv), each *models*.xlsx workbook (its tags are in its "
                + "tags cells), or a tags file alone. A file is taken once it "
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

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String usageProblem = usageProblem();
        if (usageProblem != null) {
            err.println("catalog-batch watch: " + usageProblem);
            return ExitCode.USAGE;
        }
        Watcher watcher = new Watcher(new Watcher.Settings(inboxFolder, settle, requireReady, poll, options.catalog,
                importOptions.mode(), importOptions.charset(), options.verbose), Clock.systemDefaultZone(),
                spec.commandLine().getOut());
        try {
            if (when.once) {
                return watcher.once();
            }
            if (when.cron != null) {
                watcher.atTimes(CronExpression.parse(when.cron), when.cron);
            } else {
                watcher.polling();
            }
            return ExitCode.DONE;
        } catch (Exception e) {
            FailureReport.report(err, "watch failed", e, options.verbose);
            return ExitCode.FAILED;
        }
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

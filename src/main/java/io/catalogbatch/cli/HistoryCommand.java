package io.catalogbatch.cli;

import io.catalogbatch.allocation.entrypoints.batch.AllocateJob;
import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.catalog.entrypoints.launch.CatalogPresence;
import io.catalogbatch.runs.RunHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch history}: the runs recorded in the catalog's job repository, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lists the runs recorded for the catalog, newest first, one line per execution: when it "
                + "started, the host that ran it (- for a run recorded before runs named their host), the command, "
                + "its input files, the status, rows read, imported and rejected, the duration and the report "
                + "folder.",
                "Status and rows come from the summary.json of the run's report folder while it has one, else "
                        + "from the job repository: done, done-with-rejections, refused, failed, stopped (by SIGTERM or "
                        + "Ctrl-C), or running (a run going on, or one that was killed): run the same command again "
                        + "to resume a run that did not end done. The command is import, or watch for its imports.",
                "A failed run that was resumed shows twice: the failed execution with the rows it committed, "
                        + "then the one that resumed it, which counts the whole run.",
                "Dry runs are not listed: a dry run keeps its record in its own report folder, not in the catalog.",
                "Reads only: a catalog without runs is neither created nor changed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (or no runs recorded)", "1:failed (the job repository could not be read)",
                "2:usage error"})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADERS = List.of("started", "host", "command", "files", "status", "read", "imported",
            "rejected", "duration", "report");
    /** Columns aligned to the right in the table: the counts and the duration. */
    private static final int FIRST_NUMBER = 5;
    private static final int LAST_NUMBER = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Show the N newest runs; 0 shows them all. Default: ${DEFAULT-VALUE}")
    int limit;

    @Option(names = "--csv", description = "Print CSV for scripts (RFC 4180, a header line; duration in seconds).")
    boolean csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 0) {
            err.printf("catalog-batch history: --limit %d: give a number of runs, or 0 for all%n", limit);
            return ExitCode.USAGE;
        }
        try {
            if (CatalogPresence.absent(options.location())) {
                err.println(MissingCatalog.message("history", options.catalog));
                return ExitCode.FAILED;
            }
            Optional<RunHistory> history = RunHistory.open(options.location(),
                    List.of(ImportCatalogJobConfiguration.LAYOUT, AllocateJob.LAYOUT));
            RunHistory.Page page;
            if (history.isEmpty()) {
                page = new RunHistory.Page(List.of(), 0);
            } else {
                try (RunHistory opened = history.get()) {
                    page = opened.newest(limit);
                }
            }
            print(page, out, err);
            return ExitCode.DONE;
        } catch (Exception e) {
            FailureReport.report(err, "history failed", e, options.verbose);
            return ExitCode.FAILED;
        }
    }

    private void print(RunHistory.Page page, PrintWriter out, PrintWriter err) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (RunHistory.Run run : page.runs()) {
            rows.add(cells(run));
        }
        if (csv) {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(HEADERS);
            printer.printRecords(rows);
            printer.flush();
        } else if (!rows.isEmpty()) {
            printTable(rows, out);
        }
        PrintWriter notes = csv ? err : out;
        if (page.total() == 0) {
            notes.printf("no runs recorded for %s%n", options.location());
        } else if (page.runs().size() < page.total()) {
            notes.printf("The %d newest of %d runs; --limit 0 shows them all.%n", page.runs().size(), page.total());
        }
        out.flush();
        err.flush();
    }

    private List<String> cells(RunHistory.Run run) {
        return List.of(run.started() == null ? "" : run.started().format(STARTED), run.host(), run.command(),
                String.join(", ", run.files()), run.status(), count(run.counts().read()),
                count(run.counts().imported()), count(run.counts().rejected()), duration(run.duration()), run.report());
    }

    private void printTable(List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[HEADERS.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = HEADERS.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        printRow(HEADERS.stream().map(header -> header.toUpperCase(Locale.ROOT)).toList(), widths, out);
        rows.forEach(row -> printRow(row, widths, out));
    }

    private static void printRow(List<String> cells, int[] widths, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column).isEmpty() ? "-" : cells.get(column);
            boolean last = column == cells.size() - 1;
            boolean right = column >= FIRST_NUMBER && column <= LAST_NUMBER;
            line.append(last ? cell : String.format(right ? "%" + widths[column] + "s  " : "%-" + widths[column]
                    + "s  ", cell));
        }
        out.println(line.toString().stripTrailing());
    }

    private String count(long rows) {
        return csv ? Long.toString(rows) : String.format("%,d", rows);
    }

    /** Seconds for scripts; for people, {@code 4.2 s}, {@code 3 min 05 s} or {@code 1 h 02 min}. */
    private String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        if (csv) {
            return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format("%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}

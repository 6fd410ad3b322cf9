package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.batch.IgnoredProgramChanges;
import io.catalogbatch.runs.ReportFiles;
import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.xlsx.SheetSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** The summary of an import for people: a line per file, the first rejected rows, what to do, the changes. */
final class ImportSummaryLines {

    private static final int SHOWN_REJECTIONS = 5;

    private ImportSummaryLines() {
    }

    /** {@code failures}: those of the run's job execution, the one that explains it shown when it failed. */
    static void print(RunSummary summary, List<Throwable> failures, PrintWriter out, PrintWriter err)
            throws IOException {
        Path folder = Path.of(summary.reportFolder());
        for (FileSummary file : summary.files()) {
            printFile(file, folder, out, err);
        }
        printProgramChanges(summary, folder, err);
        RunStatus status = RunStatus.named(summary.status()).orElseThrow();
        if (status == RunStatus.STOPPED) {
            err.println(summary.dryRun() ? "Dry run stopped on request; run the same command again to start it over."
                    : "Stopped on request after the last committed chunk; run the same command again to resume.");
        } else if (status == RunStatus.FAILED) {
            FailureReport.reportFirst(err, "import failed", failures, false);
            err.println(summary.dryRun() ? "Dry run: nothing was stored; run the same command again to start it over."
                    : "Nothing committed is lost; run the same command again to resume.");
        }
        out.printf("%s%,d changes to %s in %.1f s. Report: %s%n", summary.dryRun() ? "Dry run, nothing stored: " : "",
                summary.changes(), summary.catalog(), summary.durationSeconds(), folder);
        out.flush();
    }

    /** The cells a spreadsheet program changed, which the import left as stored (issue #21). */
    private static void printProgramChanges(RunSummary summary, Path folder, PrintWriter err) throws IOException {
        if (summary.programChanges() == 0) {
            return;
        }
        Path list = folder.resolve(IgnoredProgramChanges.FILE);
        err.printf("%,d %s changed by a spreadsheet program, not by an edit, so the catalog keeps %s:%n",
                summary.programChanges(), summary.programChanges() == 1 ? "cell came back" : "cells came back",
                summary.programChanges() == 1 ? "its value" : "their values");
        for (CSVRecord cell : ReportFiles.read(list, SHOWN_REJECTIONS).first()) {
            err.printf("  line %s, model %s, column %s: %s%n", cell.get("line"), cell.get("model"), cell.get("column"),
                    cell.get("likely_cause"));
        }
        if (summary.programChanges() > SHOWN_REJECTIONS) {
            err.printf("  ... every one is in %s%n", list);
        }
    }

    private static void printFile(FileSummary file, Path folder, PrintWriter out, PrintWriter err)
            throws IOException {
        String name = Path.of(file.path()).getFileName().toString();
        if (file.refused()) {
            err.printf("%s refused, nothing from it imported: %s (%s)%n", name, file.message(), file.reason());
            return;
        }
        out.printf("%s: %,d rows read, %,d imported, %,d rejected%s (%s, %s)%n", name, file.read(), file.imported(),
                file.rejected(), file.skipped() > 0 ? String.format(", %,d not reached", file.skipped()) : "",
                file.encoding(), file.delimiter());
        if (file.rejected() > 0) {
            String where = SheetSource.ENCODING.equals(file.encoding()) ? "row" : "line"; // a sheet's rows
            Path csv = folder.resolve(file.role() + ".errors.csv");
            for (CSVRecord rejection : ReportFiles.read(csv, SHOWN_REJECTIONS).first()) {
                err.printf("  %s %s %s%s: %s (%s)%n", name, where, rejection.get("error_line"),
                        rejection.get("error_field").isEmpty() ? "" : ", column " + rejection.get("error_field"),
                        rejection.get("error_message"), rejection.get("error_reason"));
            }
            // The file to open: the errors workbook when the input was a workbook (the CSV beside it is its record).
            Path errors = file.errorsFile() == null || file.errorsFile().isEmpty() ? csv
                    : folder.resolve(file.errorsFile());
            if (!errors.equals(csv)) {
                err.printf("  %severy rejected row is in %s: fix the highlighted cells there and import it again%n",
                        file.rejected() > SHOWN_REJECTIONS ? "... " : "", errors);
            } else if (file.rejected() > SHOWN_REJECTIONS) {
                err.printf("  ... every rejected row is in %s%n", errors);
            }
        }
    }
}

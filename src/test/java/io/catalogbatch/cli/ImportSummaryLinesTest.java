package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.runs.RunCounts;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.csv.CsvRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console names the errors file to open: the errors workbook of a workbook, the CSV of a long list. */
class ImportSummaryLinesTest {

    @TempDir
    Path report;

    private String printed(long rejected, String errorsFile) throws IOException {
        try (RejectsFile rejects = new RejectsFile(report.resolve("models.errors.csv"), List.of("name", "created"))) {
            for (int i = 0; i < rejected; i++) {
                rejects.reject(new CsvRow(i + 2, List.of("m" + i, "15/01/2024"), Map.of("name", 0, "created", 1)),
                        "bad-date", "created", "created \"15/01/2024\" is not a date like 2024-01-15");
            }
        }
        RunSummary.FileSummary file = new RunSummary.FileSummary("models", "/in/models.xlsx",
                new RunCounts(10, 10 - rejected, rejected, 0), "UTF-8", ",", errorsFile);
        RunSummary summary = new RunSummary("import", "done-with-rejections", 3, false, "catalog", "merge", "s",
                "f", 1.0, 10 - rejected, report.toString(), List.of(file));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ImportSummaryLines.print(summary, List.of(), new PrintWriter(out), new PrintWriter(err));
        return err.toString();
    }

    @Test
    void a_workbook_s_rejections_end_with_the_errors_workbook_to_fix() throws IOException {
        String err = printed(2, "models.errors.xlsx");

        assertThat(err).contains("models.xlsx line 2, column created: created \"15/01/2024\" is not a date")
                .endsWith("  every rejected row is in " + report.resolve("models.errors.xlsx")
                        + ": fix the highlighted cells there and import it again" + System.lineSeparator());
    }

    @Test
    void a_long_list_says_where_the_rest_is_and_a_short_one_of_a_csv_needs_no_such_line() throws IOException {
        assertThat(printed(7, "models.errors.xlsx")).contains("  ... every rejected row is in "
                + report.resolve("models.errors.xlsx") + ": fix the highlighted cells there");
        assertThat(printed(7, "models.errors.csv")).contains("  ... every rejected row is in "
                + report.resolve("models.errors.csv") + System.lineSeparator());
        assertThat(printed(2, "models.errors.csv")).doesNotContain("every rejected row");
    }
}

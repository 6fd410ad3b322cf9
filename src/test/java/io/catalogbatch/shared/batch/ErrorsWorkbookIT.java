package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors workbook made from an errors CSV, read back with POI: its cells, fills, notes and styles. */
class ErrorsWorkbookIT {

    static final List<String> HEADER = List.of(" Name ", "Description", "tags");

    @TempDir
    Path folder;
    Path csv;
    Path xlsx;

    private void reject(RejectsFile rejects, long line, String reason, String field, String message,
                        String... cells) {
        rejects.reject(new CsvRow(line, List.of(cells), Map.of("name", 0, "description", 1, "tags", 2)), reason,
                field, message);
    }

    private void writeErrors() throws IOException {
        csv = folder.resolve("models.errors.csv");
        xlsx = folder.resolve("models.errors.xlsx");
        try (RejectsFile rejects = new RejectsFile(csv, HEADER)) {
            reject(rejects, 2, "bad-value", "description", "the description is too long: shorten it", "007",
                    "=1+2", "a;b");
            reject(rejects, 3, "duplicate", "name", "row 2 already has this name", "'quoted", "-5", "");
            reject(rejects, 5, "bad-row", "", "the row has more cells than the header", "x", "3.0", "t");
            reject(rejects, 6, "bad-tag", "no such column", "a message about a field the sheet lacks", "y",
                    "line\r\nbreak", "");
        }
    }

    @Test
    void every_cell_is_text_as_the_input_had_it_with_the_error_columns_after_the_original_ones() throws IOException {
        writeErrors();

        assertThat(new ErrorsWorkbook().write(csv, xlsx, "Models", null)).isTrue();

        List<List<String>> rows = Workbooks.rows(xlsx, "Models");
        assertThat(rows).containsExactly(
                List.of(" Name ", "Description", "tags", "error_line", "error_reason", "error_field", "error_message"),
                List.of("007", "=1+2", "a;b", "2", "bad-value", "description",
                        "the description is too long: shorten it"),
                List.of("'quoted", "-5", "", "3", "duplicate", "name", "row 2 already has this name"),
                List.of("x", "3.0", "t", "5", "bad-row", "", "the row has more cells than the header"),
                List.of("y", "line\r\nbreak", "", "6", "bad-tag", "no such column",
                        "a message about a field the sheet lacks"));
        String sheet = Workbooks.part(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheet).doesNotContain("<f>").doesNotContain("<f ").doesNotContain("<v>")
                .doesNotContain("'=1+2").contains("<t>=1+2</t>").contains("state=\"frozen\"")
                .contains("<autoFilter ref=\"A1:G1\"/>");
        assertThat(Workbooks.part(xlsx, "xl/workbook.xml")).doesNotContain("name=\"about\"");
        try (XSSFWorkbook book = Workbooks.open(xlsx)) {
            XSSFSheet errors = book.getSheet("Models");
            for (int c = 0; c < 7; c++) {
                assertThat(errors.getColumnStyle(c).getDataFormatString()).isEqualTo("@");
                assertThat(book.getFontAt(errors.getRow(0).getCell(c).getCellStyle().getFontIndex()).getBold())
                        .isTrue();
                for (int r = 1; r <= 4; r++) {
                    assertThat(errors.getRow(r).getCell(c).getCellStyle().getDataFormatString())
                            .as("row %d column %d", r, c).isEqualTo("@");
                }
            }
        }
    }

    @Test
    void the_offending_cell_is_filled_and_carries_the_message_in_a_note_the_whole_row_when_no_column_is_named()
            throws IOException {
        writeErrors();

        new ErrorsWorkbook().write(csv, xlsx, "models", null);

        try (XSSFWorkbook book = Workbooks.open(xlsx)) {
            XSSFSheet errors = book.getSheet("models");
            assertThat(Workbooks.highlighted(errors.getRow(1))).containsExactly(1);
            assertThat(Workbooks.note(errors, 1, 1)).isEqualTo("the description is too long: shorten it (bad-value)");
            assertThat(Workbooks.highlighted(errors.getRow(2))).as("\" Name \" is the column name").containsExactly(0);
            assertThat(Workbooks.note(errors, 2, 0)).isEqualTo("row 2 already has this name (duplicate)");
            assertThat(Workbooks.highlighted(errors.getRow(3))).as("no column: the row's cells")
                    .containsExactly(0, 1, 2);
            assertThat(Workbooks.note(errors, 3, 0)).isEqualTo("the row has more cells than the header (bad-row)");
            assertThat(Workbooks.highlighted(errors.getRow(4))).as("a column the sheet lacks").containsExactly(0, 1, 2);
            assertThat(errors.getCellComments()).hasSize(4);
            assertThat(errors.getCellComment(new CellAddress(1, 1)).getAuthor())
                    .isEqualTo("catalog-batch");
            assertThat(Workbooks.highlighted(errors.getRow(0))).isEmpty();
        }
    }

    @Test
    void only_the_first_rows_get_a_note_beyond_the_bound_every_row_keeps_its_highlight() throws IOException {
        writeErrors();

        new ErrorsWorkbook(TextWorkbook.MAX_DATA_ROWS, 2).write(csv, xlsx, "models", null);

        try (XSSFWorkbook book = Workbooks.open(xlsx)) {
            XSSFSheet errors = book.getSheet("models");
            assertThat(errors.getCellComments()).hasSize(2);
            assertThat(Workbooks.note(errors, 3, 0)).isNull();
            assertThat(Workbooks.highlighted(errors.getRow(3))).containsExactly(0, 1, 2);
            assertThat(Workbooks.highlighted(errors.getRow(4))).containsExactly(0, 1, 2);
        }
    }

    @Test
    void an_about_sheet_follows_the_errors_when_asked() throws IOException {
        writeErrors();

        new ErrorsWorkbook().write(csv, xlsx, "models",
                new ErrorsWorkbook.About("about", List.of("the mark", "what this is")));

        assertThat(Workbooks.rows(xlsx, "about")).containsExactly(List.of("the mark"), List.of("what this is"));
        try (XSSFWorkbook book = Workbooks.open(xlsx)) {
            assertThat(book.getSheetName(0)).isEqualTo("models");
            assertThat(book.getSheetName(1)).isEqualTo("about");
        }
    }

    @Test
    void more_rejects_than_a_sheet_holds_leave_the_csv_as_the_errors_file_and_no_workbook() throws IOException {
        writeErrors();
        Files.writeString(folder.resolve("models.errors.xlsx"), "the workbook of an earlier attempt");

        assertThat(new ErrorsWorkbook(3, ErrorsWorkbook.MAX_NOTES).write(csv, xlsx, "models", null)).isFalse();

        assertThat(xlsx).doesNotExist();
        assertThat(csv).exists();
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("models.errors.csv");
        }
    }

    @Test
    void a_value_longer_than_a_cell_holds_leaves_the_csv_as_the_errors_file() throws IOException {
        csv = folder.resolve("models.errors.csv");
        xlsx = folder.resolve("models.errors.xlsx");
        try (RejectsFile rejects = new RejectsFile(csv, HEADER)) {
            reject(rejects, 2, "bad-value", "description", "too long", "a",
                    "x".repeat(TextWorkbook.MAX_CELL_CHARS + 1), "");
        }

        assertThat(new ErrorsWorkbook().write(csv, xlsx, "models", null)).isFalse();

        assertThat(xlsx).doesNotExist();
    }

    @Test
    void a_run_resumed_after_a_failure_gives_one_workbook_with_every_reject_once() throws IOException {
        csv = folder.resolve("models.errors.csv");
        xlsx = folder.resolve("models.errors.xlsx");
        try (RejectsFile failedAttempt = new RejectsFile(csv, HEADER)) {
            reject(failedAttempt, 2, "bad-value", "name", "first", "a", "", "");
            reject(failedAttempt, 4, "bad-value", "name", "second", "b", "", "");
        }
        new ErrorsWorkbook().write(csv, xlsx, "models", null); // the end of the failed attempt
        try (RejectsFile resumed = new RejectsFile(csv, HEADER)) {
            // The resumed execution reads the uncommitted chunk again: line 4 is met twice, line 7 is new.
            reject(resumed, 4, "bad-value", "name", "second", "b", "", "");
            reject(resumed, 7, "bad-value", "name", "third", "c", "", "");
        }
        RejectsFile.sortByLine(csv);

        new ErrorsWorkbook().write(csv, xlsx, "models", null);

        List<String> lines = new ArrayList<>();
        for (List<String> row : Workbooks.rows(xlsx, "models").subList(1, 4)) {
            lines.add(row.get(3));
        }
        assertThat(lines).containsExactly("2", "4", "7");
        assertThat(Workbooks.rows(xlsx, "models")).hasSize(4);
        try (XSSFWorkbook book = Workbooks.open(xlsx)) {
            assertThat(book.getSheet("models").getCellComments()).hasSize(3);
        }
    }
}

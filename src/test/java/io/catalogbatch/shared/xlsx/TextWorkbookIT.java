package io.catalogbatch.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link TextWorkbook} writes, checked in the file's own XML and read back with POI. */
class TextWorkbookIT {

    static final List<String> COLUMNS = List.of("name", "status", "note");
    static final List<String> HOSTILE = List.of("007", "3.0", "=1+2", "+49 30 1234567", "-5", "@handle", "1e5",
            "12345678901234567890", "0.10", "(123)", "1/2", "50%", "'quoted", "TRUE", "2024-02-29",
            "  spaces  ", "line\r\nbreak", "日本語 😀", "\"quotes\"");

    @TempDir
    Path work;

    private Path write(int maxRows, TextWorkbook.Content content) throws IOException {
        Path file = work.resolve("out/book.xlsx");
        TextWorkbook.writeAtomically(file, maxRows, content);
        return file;
    }

    @Test
    void every_value_is_an_inline_text_cell_kept_as_written_with_no_formula_and_no_guard() throws IOException {
        Path file = write(TextWorkbook.MAX_DATA_ROWS, workbook -> {
            TextSheet sheet = workbook.table("data", COLUMNS);
            for (String value : HOSTILE) {
                sheet.row(value, "active", value);
            }
            sheet.finish();
        });

        String xml = Workbooks.part(file, "xl/worksheets/sheet1.xml");
        assertThat(xml).contains("t=\"inlineStr\"").doesNotContain("<f>").doesNotContain("<f ")
                .doesNotContain("<v>").doesNotContain("'=1+2").contains("<t>=1+2</t>").contains("<t>007</t>")
                .contains("xml:space=\"preserve\">  spaces  </t>");
        assertThat(xml.split("<c ", -1)).hasSize(1 + 3 * (1 + HOSTILE.size()));
        assertThat(xml.split("t=\"inlineStr\"", -1)).hasSize(1 + 3 * (1 + HOSTILE.size()));
        List<List<String>> rows = Workbooks.rows(file, "data");
        assertThat(rows.get(0)).isEqualTo(COLUMNS);
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(rows.get(i + 1)).isEqualTo(List.of(HOSTILE.get(i), "active", HOSTILE.get(i)));
        }
    }

    @Test
    void cells_and_columns_are_formatted_as_text_the_header_is_bold_and_frozen_with_an_autofilter() throws IOException {
        Path file = write(TextWorkbook.MAX_DATA_ROWS, workbook -> {
            TextSheet sheet = workbook.table("data", COLUMNS);
            sheet.row("x".repeat(200), "active", "short");
            sheet.finish();
        });

        String xml = Workbooks.part(file, "xl/worksheets/sheet1.xml");
        assertThat(xml).contains("state=\"frozen\"").contains("ySplit=\"1").contains("<autoFilter ref=\"A1:C1\"/>");
        try (XSSFWorkbook book = Workbooks.open(file)) {
            XSSFSheet sheet = book.getSheet("data");
            for (int c = 0; c < COLUMNS.size(); c++) {
                CellStyle column = sheet.getColumnStyle(c);
                assertThat(column.getDataFormatString()).as("column %d's default style", c).isEqualTo("@");
                assertThat(sheet.getRow(1).getCell(c).getCellStyle().getDataFormatString()).isEqualTo("@");
                assertThat(book.getFontAt(sheet.getRow(0).getCell(c).getCellStyle().getFontIndex()).getBold())
                        .isTrue();
                assertThat(book.getFontAt(sheet.getRow(1).getCell(c).getCellStyle().getFontIndex()).getBold())
                        .isFalse();
            }
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getColumnWidth(0)).as("a long value: bounded").isEqualTo(TextSheet.MAX_WIDTH * 256);
            assertThat(sheet.getColumnWidth(1)).as("the header's 6 chars and its filter button")
                    .isEqualTo((6 + 3) * 256);
            assertThat(sheet.getColumnWidth(2)).as("short values: at least the minimum")
                    .isEqualTo(TextSheet.MIN_WIDTH * 256);
        }
    }

    @Test
    void a_dropdown_covers_the_data_rows_and_rows_below_for_additions() throws IOException {
        Path file = write(TextWorkbook.MAX_DATA_ROWS, workbook -> {
            TextSheet sheet = workbook.table("data", COLUMNS);
            sheet.dropdown("status", "active", "deprecated", "archived");
            sheet.row("a", "active", "");
            sheet.row("b", "archived", "");
            sheet.finish();
        });

        String xml = Workbooks.part(file, "xl/worksheets/sheet1.xml");
        assertThat(xml).contains("type=\"list\"").contains("sqref=\"B2:B1003\"")
                .contains("<formula1>\"active,deprecated,archived\"</formula1>").contains("errorStyle=\"stop\"");
    }

    @Test
    void a_cell_holds_the_longest_text_a_spreadsheet_allows() throws IOException {
        String longest = "é".repeat(TextWorkbook.MAX_CELL_CHARS);
        Path file = write(TextWorkbook.MAX_DATA_ROWS, workbook -> {
            TextSheet sheet = workbook.table("data", COLUMNS);
            sheet.row("long", "active", longest);
            sheet.finish();
        });

        assertThat(Workbooks.rows(file, "data").get(1).get(2)).isEqualTo(longest);
    }

    @Test
    void a_row_beyond_the_limit_is_refused_and_leaves_no_file_behind() throws IOException {
        assertThatThrownBy(() -> write(2, workbook -> {
            TextSheet sheet = workbook.table("data", COLUMNS);
            sheet.row("a", "active", "");
            sheet.row("b", "active", "");
            sheet.row("c", "active", "");
        })).isInstanceOf(TooManyRows.class).hasMessageContaining("the data sheet holds at most 2 rows");

        try (Stream<Path> files = Files.list(work.resolve("out"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_limit_above_a_sheets_rows_is_refused() {
        assertThatThrownBy(() -> new TextWorkbook(TextWorkbook.MAX_DATA_ROWS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

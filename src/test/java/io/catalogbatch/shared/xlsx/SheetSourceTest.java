package io.catalogbatch.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sheet reader on workbooks written here with POI: values as shown, row numbers, header rules, refusals. */
class SheetSourceTest {

    static final CsvReadOptions MODELS = CsvReadOptions.utf8(Set.of("name", "description", "license", "created",
            "tags", "status"), Set.of("name")).withSheet("models");

    @TempDir
    Path folder;

    interface Filler {
        void fill(Workbook workbook) throws IOException;
    }

    Path workbook(String name, Filler filler) throws IOException {
        Path file = folder.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            filler.fill(workbook);
            workbook.write(out);
        }
        return file;
    }

    static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof String text) {
                row.createCell(i).setCellValue(text);
            } else if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value instanceof Boolean bool) {
                row.createCell(i).setCellValue(bool);
            }
        }
        return row;
    }

    static List<CsvRow> rows(Path file, CsvReadOptions options) throws IOException {
        try (SheetSource source = SheetSource.open(file, options)) {
            List<CsvRow> rows = new ArrayList<>();
            source.scan(rows::add);
            return rows;
        }
    }

    @Test
    void reads_text_cells_as_written_with_the_sheets_row_numbers_and_skips_blank_rows() throws IOException {
        Path file = workbook("models.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "Name", "Description", "notes");
            row(sheet, 1, "007", " spaced  ", "ignored");
            row(sheet, 2, "", "  ");
            row(sheet, 4, "=1+2", "line one\r\nline two");
            Row styledEmpty = sheet.createRow(9);
            styledEmpty.createCell(0).setCellStyle(workbook.createCellStyle());
        });

        List<CsvRow> rows = rows(file, MODELS);

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 5L);
        assertThat(rows.get(0).get("name")).isEqualTo("007");
        assertThat(rows.get(0).get("description")).isEqualTo(" spaced  ");
        assertThat(rows.get(1).get("name")).isEqualTo("=1+2");
        assertThat(rows.get(1).get("description")).isEqualTo("line one\r\nline two");
        assertThat(rows).allMatch(row -> !row.hasProblem());
    }

    @Test
    void reads_inline_strings_as_the_streaming_writer_writes_them() throws IOException {
        Path file = folder.resolve("inline.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "description");
            row(sheet, 1, "bert", "caf\u00e9 \ud83d\ude00 \u4e2d\u6587");
            workbook.write(out);
        }
        assertThat(Workbooks.part(file, "xl/worksheets/sheet1.xml")).contains("inlineStr");

        assertThat(rows(file, MODELS)).singleElement()
                .satisfies(row -> assertThat(row.get("description")).isEqualTo("caf\u00e9 \ud83d\ude00 \u4e2d\u6587"));
    }

    @Test
    void reads_rich_text_as_plain_text() throws IOException {
        Path file = workbook("rich.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "description");
            XSSFRichTextString rich = new XSSFRichTextString("bold and plain");
            XSSFFont bold = ((XSSFWorkbook) workbook).createFont();
            bold.setBold(true);
            rich.applyFont(0, 4, bold);
            Row row = row(sheet, 1, "bert");
            row.createCell(1).setCellValue(rich);
        });

        assertThat(rows(file, MODELS).get(0).get("description")).isEqualTo("bold and plain");
    }

    @Test
    void reads_numbers_as_the_cell_shows_them() throws IOException {
        Path file = workbook("numbers.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "license", "description", "tags");
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            row(sheet, 1, 7, 3.0, 0.1, 100000);
            Row styled = row(sheet, 2, "styled", 1000);
            styled.getCell(1).setCellStyle(grouped);
            styled.createCell(2).setCellValue(0.5);
            styled.getCell(2).setCellStyle(percent);
            row(sheet, 3, "bool", true, false);
        });

        List<CsvRow> rows = rows(file, MODELS);

        assertThat(rows.get(0).cells()).containsExactly("7", "3", "0.1", "100000");
        assertThat(rows.get(1).cells()).containsExactly("styled", "1,000.00", "50%");
        assertThat(rows.get(2).cells()).containsExactly("bool", "TRUE", "FALSE");
    }

    @Test
    void reads_a_date_cell_as_an_iso_date_whatever_format_it_was_typed_in() throws IOException {
        Path file = workbook("dates.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "created", "description");
            String[] formats = {"m/d/yy", "dd.mm.yyyy", "yyyy/mm/dd", "d mmmm yyyy"};
            for (int i = 0; i < formats.length; i++) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(formats[i]));
                Row row = row(sheet, i + 1, "m" + i);
                row.createCell(1).setCellValue(LocalDateTime.of(2024, 2, 29, 0, 0));
                row.getCell(1).setCellStyle(style);
            }
            CellStyle withTime = workbook.createCellStyle();
            withTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Row row = row(sheet, 5, "timed");
            row.createCell(2).setCellValue(LocalDateTime.of(2024, 2, 29, 13, 45));
            row.getCell(2).setCellStyle(withTime);
        });

        List<CsvRow> rows = rows(file, MODELS);

        assertThat(rows.subList(0, 4)).extracting(row -> row.get("created")).containsOnly("2024-02-29");
        assertThat(rows.get(4).get("description")).isEqualTo("2024-02-29 13:45:00");
    }

    @Test
    void a_formula_in_a_column_the_import_reads_flags_its_row_naming_the_column() throws IOException {
        Path file = workbook("formulas.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "license", "notes");
            row(sheet, 1, "bert").createCell(1).setCellFormula("\"apa\"&\"che\"");
            row(sheet, 2, "gpt", "mit").createCell(2).setCellFormula("1+2");
        });

        List<CsvRow> rows = rows(file, MODELS);

        assertThat(rows.get(0).problem()).isEqualTo("bad-value");
        assertThat(rows.get(0).problemColumn()).isEqualTo("license");
        assertThat(rows.get(0).problemMessage()).contains("\"license\"").contains("type the value, not a formula");
        assertThat(rows.get(1).hasProblem()).as("a formula in a column the import ignores").isFalse();
    }

    @Test
    void reads_the_sheet_named_models_else_the_first_and_finds_the_marks_cell() throws IOException {
        Path named = workbook("named.xlsx", workbook -> {
            row(workbook.createSheet("notes"), 0, "name").getSheet().createRow(1).createCell(0).setCellValue("no");
            row(workbook.createSheet("Models"), 0, "name").getSheet().createRow(1).createCell(0).setCellValue("yes");
            row(workbook.createSheet("about"), 0, "catalog-batch export");
        });
        Path first = workbook("first.xlsx", workbook -> {
            row(workbook.createSheet("Sheet1"), 0, "name").getSheet().createRow(1).createCell(0).setCellValue("one");
            row(workbook.createSheet("Sheet2"), 0, "name");
        });

        try (SheetSource source = SheetSource.open(named, MODELS)) {
            assertThat(source.sheet()).isEqualTo("Models");
            assertThat(source.delimiterName()).isEqualTo("sheet \"Models\"");
            assertThat(source.encoding()).isEqualTo("xlsx");
            assertThat(source.next().get("name")).isEqualTo("yes");
            assertThat(source.firstCellOf("about")).contains("catalog-batch export");
            assertThat(source.firstCellOf("missing")).isEmpty();
        }
        assertThat(rows(first, MODELS)).extracting(row -> row.get("name")).containsExactly("one");
    }

    @Test
    void a_tags_file_given_an_export_reads_its_first_sheet_and_is_refused_for_its_header() throws IOException {
        Path export = workbook("catalog.xlsx", workbook -> {
            row(workbook.createSheet("models"), 0, "name", "tags");
            row(workbook.createSheet("about"), 0, "catalog-batch export");
        });
        CsvReadOptions tags = CsvReadOptions.utf8(Set.of("model", "tag", "action"), Set.of("model", "tag"))
                .withSheet("tags");

        assertThatThrownBy(() -> SheetSource.open(export, tags)).isInstanceOfSatisfying(CsvFileRefused.class,
                refused -> {
                    assertThat(refused.reason()).isEqualTo("missing-required-column");
                    assertThat(refused.column()).isEqualTo("model");
                    assertThat(refused.getMessage()).contains("sheet \"models\" row 1").contains("\"name\", \"tags\"");
                });
    }

    @Test
    void the_header_rules_of_csv_apply_and_name_the_sheets_row() throws IOException {
        Path missing = workbook("missing.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 2, "description");
        });
        Path twice = workbook("twice.xlsx", workbook -> row(workbook.createSheet("models"), 0, "name", "Name"));
        Path empty = workbook("empty.xlsx", workbook -> workbook.createSheet("models").createRow(3));

        assertThatThrownBy(() -> SheetSource.open(missing, MODELS)).isInstanceOfSatisfying(CsvFileRefused.class,
                refused -> {
                    assertThat(refused.reason()).isEqualTo("missing-required-column");
                    assertThat(refused.line()).isEqualTo(3);
                    assertThat(refused.getMessage()).contains(missing + " sheet \"models\" row 3")
                            .contains("to the header row");
                });
        assertThatThrownBy(() -> SheetSource.open(twice, MODELS)).isInstanceOfSatisfying(CsvFileRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo("duplicate-column"));
        assertThatThrownBy(() -> SheetSource.open(empty, MODELS)).isInstanceOfSatisfying(CsvFileRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo("empty-file"));
    }

    @Test
    void flags_a_repeated_header_and_cells_beyond_the_header() throws IOException {
        Path file = workbook("rows.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "description");
            row(sheet, 1, "name", "description");
            row(sheet, 2, "bert", "ok", "beyond");
        });

        assertThat(rows(file, MODELS)).extracting(CsvRow::problem).containsExactly("repeated-header", "extra-field");
    }

    @Test
    void refuses_a_sheet_with_merged_cells_naming_the_ranges() throws IOException {
        Path file = workbook("merged.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "tags");
            row(sheet, 1, "bert", "nlp");
            row(sheet, 2, "gpt");
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
        });

        assertThatThrownBy(() -> rows(file, MODELS)).isInstanceOfSatisfying(CsvFileRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo("merged-cells");
            assertThat(refused.getMessage()).contains("sheet \"models\"").contains("B2:B3").contains("Unmerge");
        });
    }

    @Test
    void refuses_a_row_beyond_the_character_limit_before_holding_it() throws IOException {
        Path file = workbook("large.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "description");
            row(sheet, 1, "small", "x".repeat(10));
            row(sheet, 2, "large", "x".repeat(40));
        });

        try (SheetSource source = SheetSource.open(file, MODELS, 30)) {
            assertThat(source.next().get("name")).isEqualTo("small");
            assertThatThrownBy(source::next).isInstanceOfSatisfying(CsvFileRefused.class, refused -> {
                assertThat(refused.reason()).isEqualTo("record-too-large");
                assertThat(refused.line()).isEqualTo(3);
            });
        }
    }

    @Test
    void skips_rows_to_resume_where_a_run_stopped() throws IOException {
        Path file = workbook("resume.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name");
            for (int i = 1; i <= 5; i++) {
                row(sheet, i * 2, "m" + i);
            }
        });

        try (SheetSource source = SheetSource.open(file, MODELS)) {
            assertThat(source.skip(3)).isEqualTo(3);
            assertThat(source.next().line()).isEqualTo(9);
        }
    }

    @Test
    void column_letters_name_the_column() {
        assertThat(SheetCursor.columnOf("A1")).isZero();
        assertThat(SheetCursor.columnOf("Z9")).isEqualTo(25);
        assertThat(SheetCursor.columnOf("AA10")).isEqualTo(26);
        assertThat(SheetCursor.columnOf("XFD1048576")).isEqualTo(16_383);
    }
}

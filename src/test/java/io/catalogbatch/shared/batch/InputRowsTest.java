package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvSource;
import io.catalogbatch.shared.csv.RowSource;
import io.catalogbatch.shared.xlsx.SheetSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The name chooses the reader, the content must agree; a workbook reads through the step reader as CSV does. */
class InputRowsTest {

    static final CsvReadOptions MODELS = CsvReadOptions.utf8(Set.of("name", "task"), Set.of("name"))
            .withSheet("models");

    @TempDir
    Path folder;

    Path workbook(String name, int rows) throws IOException {
        Path file = folder.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("models");
            sheet.createRow(0).createCell(0).setCellValue("name");
            for (int i = 1; i <= rows; i++) {
                sheet.createRow(i).createCell(0).setCellValue("m" + i);
            }
            workbook.write(out);
        }
        return file;
    }

    @Test
    void a_file_named_as_a_workbook_is_read_as_one_and_any_other_as_csv() throws IOException {
        Path xlsx = workbook("Catalog.XLSX", 1);
        Path csv = Files.writeString(folder.resolve("models.csv"), "name\nbert\n");

        try (RowSource sheet = InputRows.open(xlsx, MODELS); RowSource text = InputRows.open(csv, MODELS)) {
            assertThat(sheet).isInstanceOf(SheetSource.class);
            assertThat(text).isInstanceOf(CsvSource.class);
            assertThat(sheet.next().get("name")).isEqualTo("m1");
            assertThat(text.next().get("name")).isEqualTo("bert");
        }
        assertThat(InputRows.isWorkbook(Path.of("a.xls"))).isTrue();
        assertThat(InputRows.isWorkbook(Path.of("a.ods"))).isTrue();
        assertThat(InputRows.isWorkbook(Path.of("xlsx"))).isFalse();
    }

    @Test
    void a_workbook_under_another_name_is_refused_saying_to_name_it_xlsx() throws IOException {
        Path file = Files.move(workbook("w.xlsx", 1), folder.resolve("models.csv"));

        assertThatThrownBy(() -> InputRows.open(file, MODELS)).isInstanceOfSatisfying(CsvFileRefused.class,
                refused -> {
                    assertThat(refused.reason()).isEqualTo("binary-content");
                    assertThat(refused.getMessage()).contains("Name it .xlsx to import it as a workbook");
                });
    }

    @Test
    void the_step_reader_reads_a_sheet_and_resumes_after_the_rows_committed() throws IOException {
        Path file = workbook("models.xlsx", 5);
        CsvRowReader first = new CsvRowReader(file, "models", MODELS);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        assertThat(first.read().line()).isEqualTo(2);
        assertThat(first.read().line()).isEqualTo(3);
        first.update(context);
        first.close();
        assertThat(first.encoding()).isEqualTo("xlsx");
        assertThat(first.delimiterName()).isEqualTo("sheet \"models\"");

        CsvRowReader again = new CsvRowReader(file, "models", MODELS);
        again.open(context);
        CsvRow next = again.read();
        again.close();

        assertThat(next.line()).isEqualTo(4);
        assertThat(next.get("name")).isEqualTo("m3");
    }
}

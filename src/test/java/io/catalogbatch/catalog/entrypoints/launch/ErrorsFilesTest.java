package io.catalogbatch.catalog.entrypoints.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.xlsx.CatalogErrorsWorkbook;
import io.catalogbatch.shared.batch.ErrorsWorkbook;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.xlsx.TextSheet;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which errors file the summary names, and the workbook made for an input that is one by its bytes. */
class ErrorsFilesTest {

    @TempDir
    Path work;
    Path report;
    ErrorsFiles errors;

    @BeforeEach
    void rejectARow() {
        report = work.resolve("report");
        errors = new ErrorsFiles(new CatalogErrorsWorkbook(new ErrorsWorkbook()), report);
        try (RejectsFile rejects = new RejectsFile(report.resolve("models.errors.csv"), List.of("name", "created"))) {
            rejects.reject(new CsvRow(2, List.of("007", "15/01/2024"), Map.of("name", 0, "created", 1)),
                    "bad-value", "created", "created must be a date YYYY-MM-DD");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_csv_input_keeps_its_errors_csv_even_when_named_xlsx() throws IOException {
        Path input = Files.writeString(work.resolve("models.xlsx"), "name,created\n007,15/01/2024\n");

        assertThat(errors.of("models", input, 1)).isEqualTo("models.errors.csv");
        assertThat(report.resolve("models.errors.xlsx")).doesNotExist();
    }

    @Test
    void a_workbook_input_gets_an_errors_workbook_whatever_its_name_named_after_the_csv() throws IOException {
        Path input = work.resolve("from sales.csv");
        TextWorkbook.writeAtomically(input, TextWorkbook.MAX_DATA_ROWS, workbook -> {
            TextSheet sheet = workbook.table("Feuille 1", List.of("name", "created"));
            sheet.row("007", "15/01/2024");
            sheet.finish();
        });

        assertThat(errors.of("models", input, 1)).isEqualTo("models.errors.xlsx");
        assertThat(Workbooks.rows(report.resolve("models.errors.xlsx"), "Feuille 1")).hasSize(2);
        assertThat(report.resolve("models.errors.csv")).exists();
    }

    @Test
    void nothing_rejected_names_no_errors_file() throws IOException {
        assertThat(errors.of("models", work.resolve("not even read"), 0)).isEmpty();
    }
}

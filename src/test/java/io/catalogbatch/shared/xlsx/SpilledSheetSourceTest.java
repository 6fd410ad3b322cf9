package io.catalogbatch.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.model.SharedStrings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@link SheetSourceTest} again, with the shared strings table in a temporary file as for a large
 * workbook a program saved: the same values come out.
 */
class SpilledSheetSourceTest extends SheetSourceTest {

    @BeforeEach
    void spill() {
        System.setProperty(SheetStrings.IN_MEMORY_LIMIT, "0");
    }

    @AfterEach
    void keepInMemory() {
        System.clearProperty(SheetStrings.IN_MEMORY_LIMIT);
    }

    @Test
    void a_large_table_of_shared_strings_is_read_from_a_temporary_file() throws Exception {
        Path file = workbook("shared.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("models");
            row(sheet, 0, "name", "description");
            row(sheet, 1, "bert", "shared text");
        });
        try (WorkbookPackage workbook = WorkbookPackage.open(file)) {
            SharedStrings strings = SheetStrings.of(workbook.opc());
            try {
                assertThat(strings.getClass().getSimpleName()).isEqualTo("TempFileSharedStringsTable");
                assertThat(strings.getUniqueCount()).isEqualTo(4);
            } finally {
                SheetStrings.close(strings);
            }
        }
        assertThat(rows(file, MODELS).get(0).get("description")).isEqualTo("shared text");
    }

    @Test
    void a_small_table_stays_in_memory() throws IOException {
        System.clearProperty(SheetStrings.IN_MEMORY_LIMIT);
        Path file = workbook("small.xlsx", workbook -> row(workbook.createSheet("models"), 0, "name"));
        try (WorkbookPackage workbook = WorkbookPackage.open(file)) {
            SharedStrings strings = SheetStrings.of(workbook.opc());
            assertThat(strings.getClass().getSimpleName()).isEqualTo("ReadOnlySharedStringsTable");
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}

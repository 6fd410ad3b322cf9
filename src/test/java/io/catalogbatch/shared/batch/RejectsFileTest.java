package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsFileTest {

    @TempDir
    Path folder;

    @Test
    void sorting_keeps_the_byte_order_mark_out_of_a_first_column_name_that_needs_quotes() throws IOException {
        // Found by HostileImportIT: a header " Name " (quoted when written) came back as a cell holding the BOM.
        Path file = folder.resolve("models.errors.csv");
        try (RejectsFile rejects = new RejectsFile(file, List.of(" Name ", "description"))) {
            rejects.reject(row(5, "b", "x"), "bad-value", "name", "later line");
            rejects.reject(row(3, "a", "=y"), "bad-value", "name", "earlier line");
        }

        RejectsFile.sortByLine(file);

        assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF, '"', ' ', 'N');
        try (CsvSource source = CsvSource.open(file, CsvReadOptions.utf8(Set.of("description"), Set.of("name")))) {
            assertThat(source.encoding()).isEqualTo("UTF-8 with BOM");
            assertThat(source.header()).containsExactly(" Name ", "description", "error_line", "error_reason",
                    "error_field", "error_message");
            CsvRow first = source.next();
            assertThat(first.cells()).containsExactly("a", "=y", "3", "bad-value", "name", "earlier line");
            assertThat(source.next().cells()).startsWith("b", "x", "5");
        }
    }

    @Test
    void the_errors_file_of_a_marked_file_is_marked_and_guarded_so_that_every_value_reads_back() throws IOException {
        Path marked = folder.resolve("marked.errors.csv");
        try (RejectsFile rejects = new RejectsFile(marked, List.of("name", "description",
                CsvFlavour.MARK_COLUMN))) {
            rejects.reject(row(2, "'=x", "'quoted"), "bad-value", "name", "why");
        }
        Path plain = folder.resolve("plain.errors.csv");
        try (RejectsFile rejects = new RejectsFile(plain, List.of("name", "description"))) {
            rejects.reject(row(2, "'=x", "=y"), "bad-value", "name", "why");
        }

        assertThat(Files.readString(marked)).contains("''=x,''quoted,,2,");
        assertThat(Files.readString(plain)).as("SPEC 8's rule for any other file").contains("'=x,'=y,2,");
        try (CsvSource source = CsvSource.open(marked, CsvReadOptions.utf8(Set.of("description"), Set.of("name")))) {
            assertThat(source.cameBackFromSpreadsheet()).isTrue();
            assertThat(source.next().cells()).startsWith("'=x", "'quoted", "", "2");
        }
    }

    private static CsvRow row(long line, String... cells) {
        return new CsvRow(line, List.of(cells), Map.of("name", 0, "description", 1));
    }
}

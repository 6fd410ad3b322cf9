package io.catalogbatch.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {

    private static final CsvReadOptions OPTIONS = CsvReadOptions.utf8(Set.of("name", "n"), Set.of("name"));

    @TempDir
    Path dir;

    @Test
    void gives_the_rows_in_order_across_many_batches_then_null() throws IOException {
        int count = ReadAhead.BATCH_ROWS * (ReadAhead.BATCHES + 3) + 7;
        Path file = file(count, "");
        List<String> read = new ArrayList<>();
        try (ReadAhead rows = new ReadAhead(CsvSource.open(file, OPTIONS))) {
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                read.add(row.get("name") + "@" + row.line());
            }
            assertThat(rows.next()).isNull();
        }
        assertThat(read).hasSize(count).startsWith("m0@2").endsWith("m" + (count - 1) + "@" + (count + 1));
    }

    @Test
    void an_empty_file_has_no_rows() throws IOException {
        try (ReadAhead rows = new ReadAhead(CsvSource.open(file(0, ""), OPTIONS))) {
            assertThat(rows.next()).isNull();
        }
    }

    /** The rows before the broken one first, then the refusal, with its line. */
    @Test
    void gives_the_rows_before_a_broken_record_then_its_refusal() throws IOException {
        int good = ReadAhead.BATCH_ROWS + 3;
        Path file = file(good, "\"never closed,1\n");
        List<CsvRow> read = new ArrayList<>();
        try (ReadAhead rows = new ReadAhead(CsvSource.open(file, OPTIONS))) {
            CsvFileRefused refused = catchThrowableOfType(CsvFileRefused.class, () -> {
                while (true) {
                    CsvRow row = rows.next();
                    assertThat(row).as("a row, or the refusal: never the end").isNotNull();
                    read.add(row);
                }
            });
            assertThat(read).hasSize(good);
            assertThat(refused.line()).isEqualTo(good + 2);
        }
    }

    @Test
    void closing_before_the_end_stops_the_reading_thread() throws IOException {
        Path file = file(ReadAhead.BATCH_ROWS * (ReadAhead.BATCHES + 5), "");
        ReadAhead rows = new ReadAhead(CsvSource.open(file, OPTIONS));
        assertThat(rows.next().get("name")).isEqualTo("m0");
        // More batches than may wait: the reading thread is blocked, handing over the next one.
        Thread reading = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("read-ahead " + file.getFileName())).findFirst().orElseThrow();
        assertThat(reading.isAlive()).isTrue();
        rows.close();
        assertThat(reading.isAlive()).isFalse();
    }

    /** Rows of 300,000 characters: batches close on their characters, not only on their rows. */
    @Test
    void rows_with_huge_cells_come_through_whole_and_in_order() throws IOException {
        StringBuilder csv = new StringBuilder("name,n\n");
        for (int i = 0; i < 40; i++) {
            csv.append('m').append(i).append(',').append(String.valueOf((char) ('a' + i % 26)).repeat(300_000)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("huge.csv"), csv, StandardCharsets.UTF_8);
        try (ReadAhead rows = new ReadAhead(CsvSource.open(file, OPTIONS))) {
            for (int i = 0; i < 40; i++) {
                CsvRow row = rows.next();
                assertThat(row.get("name")).isEqualTo("m" + i);
                assertThat(row.get("n")).hasSize(300_000).startsWith(String.valueOf((char) ('a' + i % 26)));
            }
            assertThat(rows.next()).isNull();
        }
    }

    private Path file(int rows, String tail) throws IOException {
        StringBuilder csv = new StringBuilder("name,n\n");
        for (int i = 0; i < rows; i++) {
            csv.append('m').append(i).append(",\"").append(i).append(", é\"\n");
        }
        csv.append(tail);
        return Files.writeString(dir.resolve("rows-" + rows + ".csv"), csv, StandardCharsets.UTF_8);
    }
}

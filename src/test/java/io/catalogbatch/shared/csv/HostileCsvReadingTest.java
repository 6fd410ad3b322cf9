package io.catalogbatch.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.shared.csv.HostileCsv.Dialect;
import io.catalogbatch.shared.csv.HostileCsv.ExpectedRow;
import io.catalogbatch.shared.csv.HostileCsv.Table;
import io.catalogbatch.shared.csv.HostileCsv.Written;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.io.file.PathUtils;

/**
 * The tolerant reader against hostile text (issue #7). jqwik generates the cases, shrinks a failing one to
 * a small file and prints its seed; {@code @Property(seed = "...")} replays it. No case has a time limit: rows
 * start on ever later lines and none past the file's last, which is what makes every read end.
 */
class HostileCsvReadingTest {

    /** Every file reason code of SPEC §3 the reader itself can give. */
    static final Set<String> FILE_REASONS = Set.of(CsvFileRefused.EMPTY_FILE, CsvFileRefused.BINARY_CONTENT,
            CsvFileRefused.BAD_ENCODING, CsvFileRefused.UNBALANCED_QUOTE, CsvFileRefused.MALFORMED_QUOTE,
            CsvFileRefused.MISSING_REQUIRED_COLUMN, CsvFileRefused.DUPLICATE_COLUMN, CsvFileRefused.TOO_MANY_COLUMNS,
            CsvFileRefused.RECORD_TOO_LARGE);
    static final Set<String> ROW_PROBLEMS = Set.of("", CsvRow.REPEATED_HEADER, CsvRow.EXTRA_FIELD);
    private static Path folder;
    private static int count;

    @BeforeContainer
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("hostile-csv");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        PathUtils.deleteDirectory(folder);
    }

    @Provide
    Arbitrary<Table> tables() {
        return HostileCsv.tables();
    }

    @Provide
    Arbitrary<Dialect> dialects() {
        return HostileCsv.dialects();
    }

    @Property(tries = 3000)
    void a_written_table_reads_back_row_for_row_each_with_its_start_line(@ForAll("tables") Table table,
                                                                          @ForAll("dialects") Dialect dialect)
            throws IOException {
        Written written = HostileCsv.write(table, dialect);
        Path file = file(written.bytes());
        CsvReadOptions options = CsvReadOptions.utf8(Set.copyOf(table.header()), Set.of());

        List<ExpectedRow> read = new ArrayList<>();
        long lines = physicalLines(written.bytes());
        try (CsvSource source = CsvSource.open(file, options)) {
            assertThat(source.delimiter()).as("delimiter of\n%s", written).isEqualTo(dialect.delimiter());
            assertThat(source.header()).as("header of\n%s", written).isEqualTo(table.header());
            assertThat(source.headerLine()).as("header line of\n%s", written).isEqualTo(written.headerLine());
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                assertThat(read).as("more rows than lines in\n%s", written).hasSizeLessThan((int) lines);
                read.add(new ExpectedRow(row.line(), row.cells(), row.problem()));
            }
        }

        assertThat(read).as("rows of\n%s", written).isEqualTo(written.rows());
        Statistics.label("encoding").collect(dialect.encoding());
        Statistics.label("rows with a problem").collect(read.stream().anyMatch(row -> !row.problem().isEmpty()));
        Files.delete(file);
    }

    @Property(tries = 3000)
    void a_broken_file_is_read_or_refused_with_a_reason_and_never_fails_otherwise(
            @ForAll("tables") Table table, @ForAll("dialects") Dialect dialect, @ForAll long breakage) throws IOException {
        byte[] bytes = HostileCsv.mutate(HostileCsv.write(table, dialect).bytes(), breakage);
        Path file = file(bytes);
        CsvReadOptions options = CsvReadOptions.utf8(Set.copyOf(table.header()), Set.of(table.header().get(0)));

        Statistics.label("outcome").collect(assertReadOrRefused(file, options));
        Files.delete(file);
    }

    @Property(tries = 1000)
    void any_bytes_at_all_are_read_or_refused_with_a_reason(@ForAll("anyBytes") byte[] bytes) throws IOException {
        Path file = file(bytes);

        Statistics.label("outcome").collect(assertReadOrRefused(file, CsvFiles.ANY));
        assertReadOrRefused(file, CsvFiles.MODELS);
        Files.delete(file);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<Byte> textish = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of((byte) ',', (byte) ';', (byte) '"', (byte) '\r', (byte) '\n',
                        (byte) '\t', (byte) '|', (byte) ' ', (byte) 'a', (byte) 'n')),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return textish.array(byte[].class).ofMaxSize(120);
    }

    /**
     * Reading the whole file either works, every row with a start line after the header's and after the row
     * before, no U+FFFD or NUL in a cell, a known problem or none; or the file is refused with a file reason
     * code, a line, and a message naming the file. Nothing else: no other exception, and no row past the file's
     * last line (rows start on ever later lines, so reading cannot go round in circles).
     */
    private static String assertReadOrRefused(Path file, CsvReadOptions options) throws IOException {
        String shown = describe(file);
        long lastLine = physicalLines(Files.readAllBytes(file));
        try (CsvSource source = CsvSource.open(file, options)) {
            long previous = source.headerLine();
            Set<Long> lines = new HashSet<>();
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                assertThat(row.line()).as("line of a row of %s", shown).isGreaterThan(previous)
                        .isLessThanOrEqualTo(lastLine);
                assertThat(lines.add(row.line())).isTrue();
                assertThat(row.problem()).as(shown).isIn(ROW_PROBLEMS);
                assertThat(String.join("", row.cells())).as(shown).doesNotContain("\uFFFD", "\0");
                previous = row.line();
            }
            return "read";
        } catch (CsvFileRefused refused) {
            assertThat(refused.reason()).as("%s: %s", shown, refused.getMessage()).isIn(FILE_REASONS);
            assertThat(refused.line()).as(shown).isNotNegative();
            assertThat(refused.file()).isEqualTo(file);
            assertThat(refused.getMessage()).as(shown).contains(file.toString());
            return refused.reason();
        }
    }

    /** At least the file's physical lines: every line end, in any encoding, has a CR or LF byte. */
    private static long physicalLines(byte[] bytes) {
        long ends = 0;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                ends++;
            }
        }
        return ends + 1;
    }

    private static Path file(byte[] bytes) throws IOException {
        Path file = folder.resolve("case-" + ++count + ".csv");
        Files.write(file, bytes);
        return file;
    }

    private static String describe(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 400); i++) {
            int b = bytes[i] & 0xFF;
            hex.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return file.getFileName() + " [" + hex + (bytes.length > 400 ? "..." : "") + "]";
    }
}

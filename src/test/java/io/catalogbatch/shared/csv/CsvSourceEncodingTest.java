package io.catalogbatch.shared.csv;

import static io.catalogbatch.shared.csv.CsvFiles.MODELS;
import static io.catalogbatch.shared.csv.CsvFiles.bytes;
import static io.catalogbatch.shared.csv.CsvFiles.concat;
import static io.catalogbatch.shared.csv.CsvFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte order mark decides the charset; without one, strict UTF-8 or the charset the user names. */
class CsvSourceEncodingTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String TEXT = "name,description\r\ncafé,naïve “quotes” €5\r\nʤ,日本語 😀\r\n";

    @TempDir
    Path folder;
    CsvFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvFiles(folder);
    }

    @Test
    void reads_utf8_without_bom_by_default() throws IOException {
        assertRead(files.bytes(utf8(TEXT)), MODELS, "UTF-8");
    }

    @Test
    void reads_utf8_with_bom_and_strips_the_bom_from_the_first_name() throws IOException {
        Path file = files.bytes(concat(bytes(0xEF, 0xBB, 0xBF), utf8(TEXT)));

        assertThat(assertRead(file, MODELS, "UTF-8 with BOM")).containsExactly("name", "description");
    }

    @Test
    void reads_utf16le_with_bom() throws IOException {
        assertRead(files.bytes(concat(bytes(0xFF, 0xFE), TEXT.getBytes(StandardCharsets.UTF_16LE))), MODELS,
                "UTF-16LE");
    }

    @Test
    void reads_utf16be_with_bom() throws IOException {
        assertRead(files.bytes(concat(bytes(0xFE, 0xFF), TEXT.getBytes(StandardCharsets.UTF_16BE))), MODELS,
                "UTF-16BE");
    }

    @Test
    void reads_windows_1252_when_the_user_names_it() throws IOException {
        Path file = files.text("name,description\r\ncafé,naïve “quotes” €5\r\n", WINDOWS_1252);

        try (CsvSource source = CsvSource.open(file, MODELS.withCharset(WINDOWS_1252))) {
            assertThat(source.encoding()).isEqualTo("windows-1252");
            assertThat(source.next()).extracting(row -> row.get("name"), row -> row.get("description"))
                    .containsExactly("café", "naïve “quotes” €5");
        }
    }

    @Test
    void lets_a_bom_win_over_the_charset_the_user_names() throws IOException {
        Path file = files.bytes(concat(bytes(0xEF, 0xBB, 0xBF), utf8(TEXT)));

        assertRead(file, MODELS.withCharset(WINDOWS_1252), "UTF-8 with BOM");
    }

    @Test
    void never_replaces_a_bad_byte_with_a_replacement_character() {
        Path file = files.bytes(concat(utf8("name\n"), bytes(0xFF), utf8("\n")));

        CsvFileRefused refused = CsvFiles.refusal(file, MODELS, "bad-encoding");

        assertThat(refused.line()).isEqualTo(2);
    }

    @Test
    void refuses_a_windows_1252_file_read_as_utf8_with_the_line_of_the_first_bad_byte() {
        Path file = files.text("name,description\r\nbert,plain\r\n\r\ncafé,crème\r\n", WINDOWS_1252);

        CsvFileRefused refused = CsvFiles.refusal(file, MODELS, "bad-encoding");

        assertThat(refused.line()).isEqualTo(4);
        assertThat(refused.getMessage()).contains("--charset windows-1252");
    }

    @Test
    void refuses_a_truncated_utf8_sequence_at_the_end_of_the_file() {
        Path file = files.bytes(concat(utf8("name\r\nab"), bytes(0xE2, 0x82)));

        assertThat(CsvFiles.refusal(file, MODELS, "bad-encoding").line()).isEqualTo(2);
    }

    /** Checks the rows of {@link #TEXT} and returns the header as read. */
    private static List<String> assertRead(Path file, CsvReadOptions options, String encoding) throws IOException {
        try (CsvSource source = CsvSource.open(file, options)) {
            assertThat(source.encoding()).isEqualTo(encoding);
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
            assertThat(rows).extracting(CsvRow::line, row -> row.get("name"), row -> row.get("description"))
                    .containsExactly(tuple(2L, "café", "naïve “quotes” €5"), tuple(3L, "ʤ", "日本語 😀"));
            return source.header();
        }
    }
}

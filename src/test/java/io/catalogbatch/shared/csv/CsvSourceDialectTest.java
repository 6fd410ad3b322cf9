package io.catalogbatch.shared.csv;

import static io.catalogbatch.shared.csv.CsvFiles.ANY;
import static io.catalogbatch.shared.csv.CsvFiles.MODELS;
import static io.catalogbatch.shared.csv.CsvFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delimiter: named by a first line {@code sep=X}, or sniffed on the header among {@code , ; TAB |}. */
class CsvSourceDialectTest {

    @TempDir
    Path folder;
    CsvFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvFiles(folder);
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void sniffs_each_delimiter_from_the_known_columns_of_the_header(char delimiter) throws IOException {
        String d = String.valueOf(delimiter);
        String name = Map.of(',', "comma", ';', "semicolon", '\t', "tab", '|', "pipe").get(delimiter);
        Path file = files.text(String.join(d, "name", "description", "tags") + "\n"
                + String.join(d, "bert", "\"a, b; c\td|e\"", "\"x,y\"") + "\n");

        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.delimiter()).isEqualTo(delimiter);
            assertThat(source.delimiterName()).isEqualTo(name);
            CsvRow row = source.next();
            assertThat(row.get("description")).isEqualTo("a, b; c\td|e");
            assertThat(row.get("tags")).isEqualTo("x,y");
        }
    }

    @Test
    void prefers_the_delimiter_that_finds_more_known_columns_over_more_fields() throws IOException {
        Path file = files.text("name;description,notes,more,and more\nbert;a,b,c,d\n");

        assertThat(delimiterOf(file, MODELS)).isEqualTo(';');
    }

    @Test
    void breaks_a_tie_of_known_columns_by_more_fields() throws IOException {
        assertThat(delimiterOf(files.text("a;b;c\n1;2;3\n"), ANY)).isEqualTo(';');
        assertThat(delimiterOf(files.text("name|x|y,z\nbert|1|2\n"), MODELS)).isEqualTo('|');
    }

    @Test
    void breaks_a_tie_of_fields_by_the_order_comma_semicolon_tab_pipe() throws IOException {
        assertThat(delimiterOf(files.text("name\nbert\n"), MODELS)).isEqualTo(',');
        assertThat(delimiterOf(files.text("a,b;c\n"), ANY)).isEqualTo(',');
        assertThat(delimiterOf(files.text("a;b\tc\n"), ANY)).isEqualTo(';');
        assertThat(delimiterOf(files.text("a\tb|c\n"), ANY)).isEqualTo('\t');
    }

    @Test
    void rules_out_a_delimiter_whose_quoting_breaks() throws IOException {
        Path file = files.text("\"name\";\"description\"\n\"bert\";\"x\"\n");

        assertThat(delimiterOf(file, ANY)).isEqualTo(';');
        assertThat(rows(file, MODELS)).extracting(row -> row.get("name")).containsExactly("bert");
    }

    @Test
    void sniffs_on_the_first_non_blank_line() throws IOException {
        Path file = files.text("\r\n;;;\r\nname;task\r\nbert;nlp\r\n");

        try (var source = CsvSource.open(file, MODELS)) {
            assertThat(source.delimiter()).isEqualTo(';');
            assertThat(source.headerLine()).isEqualTo(3);
            assertThat(source.next()).extracting(CsvRow::line, row -> row.get("task")).containsExactly(4L, "nlp");
        }
    }

    @Test
    void takes_the_delimiter_from_a_first_line_sep() throws IOException {
        Path file = files.text("sep=;\r\nname;task\r\nbert;nlp,vision\r\n");

        try (var source = CsvSource.open(file, MODELS)) {
            assertThat(source.delimiter()).isEqualTo(';');
            assertThat(source.headerLine()).isEqualTo(2);
            assertThat(source.next()).extracting(CsvRow::line, row -> row.get("task"))
                    .containsExactly(3L, "nlp,vision");
        }
    }

    @Test
    void lets_a_sep_line_win_over_sniffing() throws IOException {
        Path file = files.text("SEP=,\nname;task\nbert;nlp\n");

        try (var source = CsvSource.open(file, ANY)) {
            assertThat(source.delimiter()).isEqualTo(',');
            assertThat(source.header()).containsExactly("name;task");
        }
    }

    @Test
    void reads_a_sep_line_with_a_tab_a_pipe_or_after_a_bom() throws IOException {
        assertThat(delimiterOf(files.text("sep=\t\nname\tx\n"), ANY)).isEqualTo('\t');
        assertThat(delimiterOf(files.text("\uFEFFsep=|\nname|x\n"), ANY)).isEqualTo('|');
        assertThat(rows(files.text("sep=|\nname|x\nbert|1\n"), MODELS)).extracting(CsvRow::line, row -> row.get("x"))
                .containsExactly(tuple(3L, "1"));
    }

    @Test
    void takes_a_first_line_that_only_looks_like_sep_as_the_header() throws IOException {
        try (var source = CsvSource.open(files.text("sep=;x\nbert\n"), ANY)) {
            assertThat(source.delimiter()).isEqualTo(';');
            assertThat(source.header()).containsExactly("sep=", "x");
            assertThat(source.headerLine()).isEqualTo(1);
        }
    }

    @Test
    void keeps_a_header_with_no_known_column_under_the_comma() throws IOException {
        Path file = files.text("a b,c\n1,2\n");

        assertThat(rows(file, ANY)).extracting(CsvRow::cells).containsExactly(List.of("1", "2"));
        assertThat(delimiterOf(file, ANY)).isEqualTo(',');
    }

    private static char delimiterOf(Path file, CsvReadOptions options) throws IOException {
        try (var source = CsvSource.open(file, options)) {
            return source.delimiter();
        }
    }
}

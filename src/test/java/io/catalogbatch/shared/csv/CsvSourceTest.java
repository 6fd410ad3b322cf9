package io.catalogbatch.shared.csv;

import static io.catalogbatch.shared.csv.CsvFiles.ANY;
import static io.catalogbatch.shared.csv.CsvFiles.MODELS;
import static io.catalogbatch.shared.csv.CsvFiles.refusal;
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

class CsvSourceTest {

    @TempDir
    Path folder;
    CsvFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvFiles(folder);
    }

    @Test
    void reads_rows_by_column_name_in_any_order_ignoring_unknown_columns() throws IOException {
        Path file = files.text("task,notes,name\nnlp,whatever,bert\nvision,,resnet\n");

        List<CsvRow> rows = rows(file, MODELS);

        assertThat(rows).extracting(CsvRow::line, row -> row.get("name"), row -> row.get("task"), CsvRow::problem)
                .containsExactly(tuple(2L, "bert", "nlp", ""), tuple(3L, "resnet", "vision", ""));
        assertThat(rows.get(0).has("framework")).isFalse();
        assertThat(rows.get(0).get("framework")).isEmpty();
        assertThat(rows.get(0).get("notes")).isEqualTo("whatever");
    }

    @Test
    void exposes_the_header_as_written_and_its_columns_normalised() throws IOException {
        Path file = files.text("Name,Model Task,  Framework\u00A0\nbert,nlp,torch\n");

        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.header()).containsExactly("Name", "Model Task", "  Framework\u00A0");
            assertThat(source.columns()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("name", 0, "model_task", 1, "framework", 2));
            assertThat(source.headerLine()).isEqualTo(1);
            assertThat(source.encoding()).isEqualTo("UTF-8");
            assertThat(source.delimiter()).isEqualTo(',');
            assertThat(source.delimiterName()).isEqualTo("comma");
        }
    }

    @Test
    void normalises_header_names_by_space_underscore_dash_case_nbsp_and_bom() throws IOException {
        for (String spelling : List.of("Model Name", "model-name", "MODEL_NAME", "\u00A0model \u00A0 name\u00A0",
                "\uFEFFModel__Name", " model - name ")) {
            Path file = files.text("name," + spelling + "\nbert,BERT base\n");

            assertThat(rows(file, MODELS)).as(spelling).singleElement()
                    .extracting(row -> row.get("model_name")).isEqualTo("BERT base");
        }
    }

    @Test
    void normalises_header_names_to_nfc() throws IOException {
        Path file = files.text("name,cafe\u0301\nbert,x\n");

        assertThat(rows(file, MODELS).get(0).get("caf\u00E9")).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void counts_lines_for_each_line_ending(String eol) throws IOException {
        Path file = files.text("name,task" + eol + "a,1" + eol + "b,2" + eol + "c,3" + eol);

        assertThat(rows(file, MODELS)).extracting(CsvRow::line, row -> row.get("name"), row -> row.get("task"))
                .containsExactly(tuple(2L, "a", "1"), tuple(3L, "b", "2"), tuple(4L, "c", "3"));
    }

    @Test
    void counts_lines_when_line_endings_are_mixed() throws IOException {
        // LF then CR is two line ends: line 7 is empty.
        Path file = files.text("name\r\na\nb\rc\r\n\r\nd\n\re\r\r\nf");

        assertThat(rows(file, MODELS)).extracting(CsvRow::line, row -> row.get("name")).containsExactly(
                tuple(2L, "a"), tuple(3L, "b"), tuple(4L, "c"), tuple(6L, "d"), tuple(8L, "e"), tuple(10L, "f"));
    }

    @Test
    void reads_the_last_row_without_a_final_newline() throws IOException {
        Path file = files.text("name,task\r\na,1\r\nb,2");

        assertThat(rows(file, MODELS)).extracting(CsvRow::line, row -> row.get("task"))
                .containsExactly(tuple(2L, "1"), tuple(3L, "2"));
    }

    @Test
    void gives_a_multi_line_record_its_start_line_and_counts_its_lines() throws IOException {
        Path file = files.text("name,description\na,\"one\ntwo\r\nthree\rfour\"\nb,plain\n\"c\nc\",x\r\nd,y");

        List<CsvRow> rows = rows(file, MODELS);

        assertThat(rows).extracting(CsvRow::line, row -> row.get("name"))
                .containsExactly(tuple(2L, "a"), tuple(6L, "b"), tuple(7L, "c\nc"), tuple(9L, "d"));
        assertThat(rows.get(0).get("description")).isEqualTo("one\ntwo\r\nthree\rfour");
    }

    @Test
    void skips_blank_rows_silently_and_keeps_counting_their_lines() throws IOException {
        Path file = files.text("\n  \n,,\nname,task\n\n,,\n , \t,\na,1\n\"\",\"\"\n\u00A0,\nb,2\n");

        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.headerLine()).isEqualTo(4);
            assertThat(source.next()).extracting(CsvRow::line, row -> row.get("name")).containsExactly(8L, "a");
            assertThat(source.next()).extracting(CsvRow::line, row -> row.get("name")).containsExactly(11L, "b");
            assertThat(source.next()).isNull();
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void marks_a_row_that_repeats_the_header_as_written_as_repeated_header() throws IOException {
        Path file = files.text("name,Task\na,1\nname,Task\n name , Task,\nName,task\nb,2\nname\n");

        // Only the header as written (spaces aside) is a repeat: "Name,task" is data (a model named "Name").
        assertThat(rows(file, MODELS)).extracting(CsvRow::line, CsvRow::problem).containsExactly(
                tuple(2L, ""), tuple(3L, "repeated-header"), tuple(4L, "repeated-header"), tuple(5L, ""),
                tuple(6L, ""), tuple(7L, ""));
    }

    @Test
    void marks_non_blank_cells_beyond_the_header_as_extra_field_and_pads_short_rows() throws IOException {
        Path file = files.text("name,task\na,1,surplus\nb,2,, \nc\n");

        List<CsvRow> rows = rows(file, MODELS);

        assertThat(rows).extracting(CsvRow::line, CsvRow::problem, CsvRow::hasProblem)
                .containsExactly(tuple(2L, "extra-field", true), tuple(3L, "", false), tuple(4L, "", false));
        assertThat(rows.get(0).cells()).containsExactly("a", "1", "surplus");
        assertThat(rows.get(0).get("task")).isEqualTo("1");
        assertThat(rows.get(2).get("task")).isEmpty();
    }

    @Test
    void keeps_values_verbatim_without_comments_nulls_coercion_or_trimming() throws IOException {
        Path file = files.text("name,task,framework,license\n#N/A,007,TRUE,SEPT1\n  padded  ,,\"\",NULL\n"
                + "#comment,1.50,\"=1+2\",\t\n");

        assertThat(rows(file, MODELS)).extracting(CsvRow::cells).containsExactly(
                List.of("#N/A", "007", "TRUE", "SEPT1"),
                List.of("  padded  ", "", "", "NULL"),
                List.of("#comment", "1.50", "=1+2", "\t"));
    }

    @Test
    void skips_white_space_after_a_closing_quote() throws IOException {
        Path file = files.text("name,task\n\"a\"  ,\"1\"\t\n\"b\" ,2 \r\n");

        assertThat(rows(file, MODELS)).extracting(CsvRow::cells)
                .containsExactly(List.of("a", "1"), List.of("b", "2 "));
    }

    @Test
    void makes_a_field_with_a_space_before_its_opening_quote_unquoted_and_verbatim() throws IOException {
        Path file = files.text("name,task\n \"a\",\"1\"\nb, \"x, y\"\n");

        assertThat(rows(file, MODELS)).extracting(CsvRow::cells)
                .containsExactly(List.of(" \"a\"", "1"), List.of("b", " \"x", " y\""));
    }

    @Test
    void reads_doubled_quotes_inside_a_quoted_field_as_one_quote() throws IOException {
        Path file = files.text("name,description\na,\"say \"\"hi\"\", then, go\"\n");

        assertThat(rows(file, MODELS).get(0).get("description")).isEqualTo("say \"hi\", then, go");
    }

    @Test
    void refuses_backslash_escaped_quotes_as_malformed_quote_at_the_record_start_line() throws IOException {
        Path file = files.text("name,description\na,ok\nb,\"first line\nsays \\\"hi\\\" there\"\nc,never\n");

        CsvFileRefused refused = refusal(file, MODELS, "malformed-quote");

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).contains("line 3").contains("\"\"");
    }

    @Test
    void refuses_text_after_a_closing_quote_as_malformed_quote() throws IOException {
        Path file = files.text("name,task\n\"a\"b,1\n");

        assertThat(refusal(file, MODELS, "malformed-quote").line()).isEqualTo(2);
    }

    @Test
    void refuses_a_truncated_file_as_unbalanced_quote_at_the_record_start_line() throws IOException {
        Path file = files.text("name,description\r\na,ok\r\nb,\"this description was cut\r\noff in the mid");

        CsvFileRefused refused = refusal(file, MODELS, "unbalanced-quote");

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).contains("line 3");
    }

    @Test
    void hands_out_the_rows_before_a_structural_error() throws IOException {
        Path file = files.text("name\na\nb\n\"c\n");

        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.next().get("name")).isEqualTo("a");
            assertThat(source.next().get("name")).isEqualTo("b");
            CsvFileRefused refused = org.assertj.core.api.Assertions.catchThrowableOfType(CsvFileRefused.class,
                    source::next);
            assertThat(refused.reason()).isEqualTo("unbalanced-quote");
            assertThat(refused.line()).isEqualTo(4);
        }
    }

    @Test
    void skip_reads_past_data_rows_not_blank_ones() throws IOException {
        Path file = files.text("name\na\n\n,\nb\nc\n\nd\n");

        try (CsvSource source = CsvSource.open(file, ANY)) {
            assertThat(source.skip(2)).isEqualTo(2);
            assertThat(source.next()).extracting(CsvRow::line, row -> row.get("name")).containsExactly(6L, "c");
            assertThat(source.skip(5)).isEqualTo(1);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void skip_of_zero_changes_nothing() throws IOException {
        Path file = files.text("name\na\n");

        try (CsvSource source = CsvSource.open(file, ANY)) {
            assertThat(source.skip(0)).isZero();
            assertThat(source.next().get("name")).isEqualTo("a");
        }
    }

    @Test
    void scan_counts_the_data_rows_problem_rows_included() throws IOException {
        Path file = files.text("name,task\na,1\n\n,,\nname,task\nb,2,extra\n\"c\nc\",3\nd,4");

        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.scan(row -> { })).isEqualTo(5);
            assertThat(source.next()).isNull();
        }
        try (CsvSource source = CsvSource.open(file, MODELS)) {
            source.next();
            assertThat(source.scan(row -> { })).isEqualTo(4);
        }
    }

    @Test
    void scan_of_a_header_only_file_is_zero() throws IOException {
        try (CsvSource source = CsvSource.open(files.text("name,task\r\n"), MODELS)) {
            assertThat(source.scan(row -> { })).isZero();
        }
    }

    @Test
    void scan_finds_a_structural_error_at_the_end() throws IOException {
        Path file = files.text("name\na\nb\nc\n\"d");

        try (CsvSource source = CsvSource.open(file, MODELS)) {
            CsvFileRefused refused = org.assertj.core.api.Assertions.catchThrowableOfType(CsvFileRefused.class,
                    () -> source.scan(row -> { }));
            assertThat(refused.reason()).isEqualTo("unbalanced-quote");
            assertThat(refused.line()).isEqualTo(5);
        }
    }

    @Test
    void tolerates_an_unknown_column_given_twice_keeping_the_first() throws IOException {
        Path file = files.text("name,notes,Notes\na,first,second\n");

        CsvRow row = rows(file, MODELS).get(0);

        assertThat(row.get("notes")).isEqualTo("first");
        assertThat(row.problem()).isEmpty();
    }

    @Test
    void lets_optional_columns_be_missing() throws IOException {
        assertThat(rows(files.text("name\nbert\n"), MODELS)).singleElement()
                .satisfies(row -> assertThat(row.get("description")).isEmpty());
    }
}

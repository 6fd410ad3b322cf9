package io.catalogbatch.shared.csv;

import static io.catalogbatch.shared.csv.CsvFiles.ANY;
import static io.catalogbatch.shared.csv.CsvFiles.MODELS;
import static io.catalogbatch.shared.csv.CsvFiles.bytes;
import static io.catalogbatch.shared.csv.CsvFiles.concat;
import static io.catalogbatch.shared.csv.CsvFiles.refusal;
import static io.catalogbatch.shared.csv.CsvFiles.rows;
import static io.catalogbatch.shared.csv.CsvFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file reason code after the other: what refuses a whole file, and what the user is told. */
class CsvFileRefusedTest {

    private static final CsvReadOptions TAGS = CsvReadOptions.utf8(Set.of("model", "tag", "action"),
            Set.of("model", "tag"));

    @TempDir
    Path folder;
    CsvFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvFiles(folder);
    }

    @Test
    void refuses_a_file_of_zero_bytes_as_empty_file() {
        CsvFileRefused refused = refusal(files.bytes(new byte[0]), MODELS, "empty-file");

        assertThat(refused.line()).isZero();
        assertThat(refused.column()).isEmpty();
        assertThat(refused.getMessage()).contains("empty");
    }

    @Test
    void refuses_a_file_of_only_a_bom_as_empty_file() {
        refusal(files.bytes(bytes(0xEF, 0xBB, 0xBF)), MODELS, "empty-file");
        refusal(files.bytes(bytes(0xFF, 0xFE)), MODELS, "empty-file");
        refusal(files.bytes(bytes(0xFE, 0xFF)), MODELS, "empty-file");
    }

    @Test
    void refuses_a_file_of_only_blank_lines_and_separators_as_empty_file() {
        refusal(files.text("\n\r\n  \n\t\n"), MODELS, "empty-file");
        refusal(files.text(",,,,\r\n,,,,\r\n"), MODELS, "empty-file");
        refusal(files.text("\uFEFF;;;\n;;;\n"), MODELS, "empty-file");
        refusal(files.text("\"\",\"\"\n , \n"), MODELS, "empty-file");
        refusal(files.text("sep=;\n;;\n"), MODELS, "empty-file");
    }

    @Test
    void refuses_image_archive_document_and_compressed_signatures_as_binary_content() {
        byte[] rest = utf8("name\nbert\n");
        refusal(files.bytes(concat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), rest)), MODELS,
                "binary-content");
        refusal(files.bytes(concat(utf8("%PDF-1.7\n"), rest)), MODELS, "binary-content");
        refusal(files.bytes(concat(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), rest)), MODELS,
                "binary-content");
        refusal(files.bytes(concat(bytes(0x1F, 0x8B, 0x08, 0x00), rest)), MODELS, "binary-content");
    }

    @Test
    void tells_to_save_an_xlsx_workbook_as_csv_utf8() {
        CsvFileRefused refused = refusal(files.bytes(concat(bytes('P', 'K', 3, 4, 20, 0, 6, 0), utf8("[Content_Types].xml"))),
                MODELS, "binary-content");

        assertThat(refused.getMessage()).contains("Excel").contains("xlsx").contains("save it as \"CSV UTF-8\"");
        assertThat(refused.line()).isZero();
    }

    @Test
    void tells_to_save_an_xls_workbook_as_csv_utf8() {
        CsvFileRefused refused = refusal(files.bytes(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0)),
                MODELS, "binary-content");

        assertThat(refused.getMessage()).contains(".xls").contains("CSV UTF-8");
    }

    @Test
    void refuses_a_nul_character_as_binary_content_on_its_line() {
        CsvFileRefused refused = refusal(files.text("name,task\na,1\nb\u0000,2\n"), MODELS, "binary-content");

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).contains("line 3").contains("NUL");
    }

    @Test
    void refuses_utf16_without_a_bom_as_binary_content() {
        refusal(files.text("name,task\r\nbert,nlp\r\n", StandardCharsets.UTF_16LE), MODELS, "binary-content");
    }

    @Test
    void refuses_a_byte_that_is_not_utf8_as_bad_encoding_naming_its_line_and_offset() {
        byte[] content = concat(utf8("name,description\nbert,ok\ncamembert,caf"), bytes(0xE9), utf8(" au lait\n"));

        CsvFileRefused refused = refusal(files.bytes(content), MODELS, "bad-encoding");

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).contains("line 3").contains("0xE9").contains("offset 38")
                .contains("--charset windows-1252");
    }

    @Test
    void reports_the_first_bad_byte_even_far_beyond_the_rows_read() throws IOException {
        StringBuilder text = new StringBuilder("name\n");
        for (int i = 0; i < 5000; i++) {
            text.append("model-").append(i).append('\n');
        }
        byte[] content = concat(utf8(text.toString()), bytes('x', 0xC3, 0x28, '\n'));
        Path file = files.bytes(content);

        CsvFileRefused refused = refusal(file, MODELS, "bad-encoding");

        assertThat(refused.line()).isEqualTo(5002);
        assertThat(refused.getMessage()).contains("0xC3");
    }

    @Test
    void does_not_suggest_windows_1252_when_the_user_named_the_charset() {
        byte[] content = concat(utf8("name\nab"), bytes(0x81), utf8("\n"));

        CsvFileRefused refused = refusal(files.bytes(content), MODELS.withCharset(java.nio.charset.Charset.forName(
                "windows-1252")), "bad-encoding");

        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.getMessage()).contains("windows-1252").doesNotContain("--charset windows-1252")
                .contains("0x81");
    }

    @Test
    void refuses_a_damaged_utf16_file_as_bad_encoding() {
        byte[] content = concat(bytes(0xFF, 0xFE), "name\nab".getBytes(StandardCharsets.UTF_16LE), bytes(0x00, 0xD8),
                "\n".getBytes(StandardCharsets.UTF_16LE));

        assertThat(refusal(files.bytes(content), MODELS, "bad-encoding").line()).isEqualTo(2);
    }

    @Test
    void refuses_an_unclosed_quote_as_unbalanced_quote() {
        CsvFileRefused refused = refusal(files.text("name,description\nbert,\"never closed\n\nx,y\n"), MODELS,
                "unbalanced-quote");

        assertThat(refused.line()).isEqualTo(2);
    }

    @Test
    void refuses_a_quote_error_in_the_header_as_such() {
        assertThat(refusal(files.text("\nname,\"description\n"), MODELS, "unbalanced-quote").line()).isEqualTo(2);
        assertThat(refusal(files.text("name,\"description\"x\n"), MODELS, "malformed-quote").line()).isEqualTo(1);
    }

    @Test
    void refuses_text_after_a_closing_quote_as_malformed_quote() {
        CsvFileRefused refused = refusal(files.text("name,description\nbert,\"said \\\"hi\\\"\"\n"), MODELS,
                "malformed-quote");

        assertThat(refused.line()).isEqualTo(2);
    }

    @Test
    void refuses_a_header_without_a_required_column_naming_it_and_what_was_found() {
        CsvFileRefused refused = refusal(files.text("\n\nModel,Label\nbert,nlp\n"), TAGS, "missing-required-column");

        assertThat(refused.column()).isEqualTo("tag");
        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).contains("\"tag\"").contains("\"Model\", \"Label\"");
    }

    @Test
    void refuses_a_known_column_given_twice_as_duplicate_column() {
        CsvFileRefused refused = refusal(files.text("name,Task,Model Name,task\nbert,a,b,c\n"), MODELS,
                "duplicate-column");

        assertThat(refused.column()).isEqualTo("task");
        assertThat(refused.line()).isEqualTo(1);
        assertThat(refused.getMessage()).contains("columns 2 and 4");
    }

    @Test
    void refuses_a_header_of_more_than_1000_columns_as_too_many_columns() throws IOException {
        String thousand = "name," + String.join(",", Collections.nCopies(999, "c"));
        assertThat(rows(files.text(thousand + "\nbert\n"), MODELS)).hasSize(1);

        CsvFileRefused refused = refusal(files.text(thousand + ",one-more\nbert\n"), MODELS, "too-many-columns");

        assertThat(refused.line()).isEqualTo(1);
        assertThat(refused.getMessage()).contains("1,001").contains("1,000");
    }

    @Test
    void refuses_a_record_over_8_mi_characters_as_record_too_large_without_buffering_it() throws IOException {
        Path file = folder.resolve("huge.csv");
        try (var out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("name,description\nbert,small\nhuge,\"");
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 9 * 16; i++) {
                out.write(chunk);
            }
            out.write("\"\nafter,it\n");
        }

        CsvFileRefused refused = refusal(file, MODELS, "record-too-large");

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).contains("line 3").contains("8,388,608");
    }

    @Test
    void accepts_a_one_mebi_character_field_the_rows_check_its_length() throws IOException {
        String big = "y".repeat(1 << 20);
        Path file = files.text("name,description\nbig,\"" + big + "\"\nnext,z\n");

        assertThat(rows(file, MODELS)).extracting(row -> row.get("description").length()).containsExactly(1 << 20, 1);
    }

    @Test
    void measures_a_record_from_its_start_across_lines_and_fields() throws IOException {
        // A record of exactly the limit is fine, one character more is not, wherever its line breaks are.
        Path atLimit = files.text("h\n\"abc\r\n\"\"de\",f\ng\n");
        Path overLimit = files.text("h\n\"abc\r\n\"\"de\",fg\ng\n");

        try (CsvSource source = CsvSource.open(atLimit, ANY, 13)) {
            assertThat(source.scan(row -> { })).isEqualTo(2);
        }
        CsvFileRefused refused = org.assertj.core.api.Assertions.catchThrowableOfType(CsvFileRefused.class, () -> {
            try (CsvSource source = CsvSource.open(overLimit, ANY, 13)) {
                source.scan(row -> { });
            }
        });
        assertThat(refused.reason()).isEqualTo("record-too-large");
        assertThat(refused.line()).isEqualTo(2);
    }
}

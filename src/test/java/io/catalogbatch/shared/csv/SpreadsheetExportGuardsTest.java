package io.catalogbatch.shared.csv;

import static io.catalogbatch.shared.csv.CsvFiles.MODELS;
import static io.catalogbatch.shared.csv.CsvFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spreadsheet export's mark and guards (issue #21 item 5): a file that carries the mark column has its
 * {@code '} guards undone whether or not a BOM survived the spreadsheet program (LibreOffice writes none), and
 * a value that itself starts with {@code '} is guarded too, so it reads back as written; the raw flavour and
 * an unmarked file with a BOM (Excel's "CSV UTF-8") keep their rules.
 */
class SpreadsheetExportGuardsTest {

    @TempDir
    Path folder;
    private CsvFiles files;

    @Test
    void the_export_flavour_guards_formula_starts_and_apostrophe_starts_and_nothing_else() {
        String[][] guarded = {
                {"=1+2", "'=1+2"}, {"-negative-name", "'-negative-name"}, {"@handle", "'@handle"}, {"+49", "'+49"},
                {"\tTAB", "'\tTAB"}, {"\nLF", "'\nLF"}, {"  =x", "'  =x"},
                {"'=x", "''=x"}, {"'quoted at start", "''quoted at start"}, {"'", "''"}, {"''", "'''"},
        };
        for (String[] c : guarded) {
            assertThat(CsvFlavour.SPREADSHEET_EXPORT.cell(c[0])).as(c[0]).isEqualTo(c[1]);
            assertThat(CsvFlavour.fromSpreadsheetExport(c[1])).as("read back " + c[1]).isEqualTo(c[0]);
        }
        for (String unaltered : List.of("a=b", " x", "", "007", "1e5", "x'y", "#N/A", "1-2")) {
            assertThat(CsvFlavour.SPREADSHEET_EXPORT.cell(unaltered)).as(unaltered).isEqualTo(unaltered);
            assertThat(CsvFlavour.fromSpreadsheetExport(unaltered)).as(unaltered).isEqualTo(unaltered);
        }
        assertThat(CsvFlavour.fromSpreadsheetExport("'")).as("Calc's empty text cell").isEmpty();
        // The flavour of search results and of errors files of unmarked inputs keeps SPEC §8's rule.
        assertThat(CsvFlavour.SPREADSHEET.cell("'=x")).isEqualTo("'=x");
        assertThat(CsvFlavour.RAW.cell("'=x")).isEqualTo("'=x");
    }

    @Property(tries = 2000)
    void every_value_reads_back_as_it_was_written(@ForAll("cells") String value) {
        assertThat(CsvFlavour.fromSpreadsheetExport(CsvFlavour.SPREADSHEET_EXPORT.cell(value))).isEqualTo(value);
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars("'=+-@ \t\r\nax0\u00A0").ofMaxLength(6);
    }

    @Test
    void a_marked_file_without_bom_has_its_guards_undone() throws IOException {
        Path file = write(false, "\"name\",\"description\",\"catalog-batch spreadsheet export\"\r\n"
                + "\"'=1+2\",\"''quoted at start\",\"\"\r\n"
                + "\"''=x\",\"'plain apostrophe\",\"\"\r\n"
                + "'',',\r\n");

        assertThat(rows(file, MODELS)).extracting(row -> row.get("name"), row -> row.get("description"))
                .containsExactly(tuple("=1+2", "'quoted at start"),
                        tuple("'=x", "'plain apostrophe"), tuple("'", ""));
        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.cameBackFromSpreadsheet()).isTrue();
        }
    }

    @Test
    void the_mark_is_found_however_a_program_wrote_the_header() throws IOException {
        Path file = write(false, "name;Catalog_Batch  Spreadsheet-Export\n'@handle;\n");
        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.cameBackFromSpreadsheet()).isTrue();
            assertThat(source.next().get("name")).isEqualTo("@handle");
        }
    }

    @Test
    void an_unmarked_file_without_bom_is_read_exactly_as_a_raw_export() throws IOException {
        Path file = write(false, "name,description\n'=1+2,''quoted\n");
        assertThat(rows(file, MODELS)).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("'=1+2");
            assertThat(row.get("description")).isEqualTo("''quoted");
        });
        try (CsvSource source = CsvSource.open(file, MODELS)) {
            assertThat(source.cameBackFromSpreadsheet()).isFalse();
        }
    }

    @Test
    void an_unmarked_file_with_a_bom_keeps_the_rule_of_excel_csv_utf8() throws IOException {
        Path file = write(true, "name,description\n'=1+2,''quoted\n");
        assertThat(rows(file, MODELS)).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("=1+2");
            assertThat(row.get("description")).isEqualTo("''quoted");
        });
    }

    @Test
    void the_export_flavour_writes_the_mark_as_the_last_column_with_empty_cells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTableWriter table = CsvTableWriter.on(out, CsvFlavour.SPREADSHEET_EXPORT, List.of("name", "license"))) {
            table.row("'=x", "3.0");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "\"name\",\"license\",\"catalog-batch spreadsheet export\"\r\n"
                + "\"''=x\",\"3.0\",\"\"\r\n");
        Path file = write(false, out.toString(StandardCharsets.UTF_8).substring(1));
        assertThat(rows(file, MODELS)).singleElement().satisfies(row -> assertThat(row.get("name")).isEqualTo("'=x"));
    }

    private Path write(boolean bom, String text) {
        if (files == null) {
            files = new CsvFiles(folder);
        }
        return files.text((bom ? "\uFEFF" : "") + text);
    }
}

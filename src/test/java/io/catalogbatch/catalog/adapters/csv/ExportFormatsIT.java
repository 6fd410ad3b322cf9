package io.catalogbatch.catalog.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes of {@code export} in both flavours (SPEC §5, §8), written out by hand: column order, sort by the
 * lower-case name key in code-unit order, quoting, BOM and CRLF, formula neutralisation, atomic replacement.
 */
class ExportFormatsIT {

    /**
     * Nine models whose cells cover the neutralisation cases. Revisions: 1 + the number of tags (SPEC §8).
     * Keys in code-unit order: =eq @at _under ana bert nbsp quote zed émile.
     */
    static final String MODELS = "name,description,task,framework,license,url,created,status,successor,tags\n"
            + "bert,\"Says \"\"hi\"\", twice\",fill-mask,pytorch,apache-2.0,https://example.org/bert,2024-01-02,"
            + "active,,NLP;über;+x\n"
            + "Zed,=1+1,+x,-1,@sum,,2023-05-06T07:08:09Z,deprecated,bert,\n"
            + "ana,\"   =x\",a=b,,,,,archived,,\n"
            + "=eq,\"\tTAB first\",,,,,,,,\n"
            + "_under,\"\rCR first\",,,,,,,,\n"
            + "Émile,\" x\",,,,,,,,zz\n"
            + "@at,\"\nLF first\",,,,,,,,\n"
            + "nbsp,\"\u00A0=x\",,,,,,,,\n"
            + "quote,'=already,,,,,,,,\n";

    static final String RAW_MODELS = "name,description,task,framework,license,url,created,status,successor,revision\r\n"
            + "=eq,\"\tTAB first\",,,,,,active,,1\r\n"
            + "@at,\"\nLF first\",,,,,,active,,1\r\n"
            + "_under,\"\rCR first\",,,,,,active,,1\r\n"
            + "ana,\"   =x\",a=b,,,,,archived,,1\r\n"
            + "bert,\"Says \"\"hi\"\", twice\",fill-mask,pytorch,apache-2.0,https://example.org/bert,2024-01-02,"
            + "active,,4\r\n"
            + "nbsp,\u00A0=x,,,,,,active,,1\r\n"
            + "quote,'=already,,,,,,active,,1\r\n"
            + "Zed,=1+1,+x,-1,@sum,,2023-05-06,deprecated,bert,1\r\n"
            + "Émile,\" x\",,,,,,active,,2\r\n";

    static final String RAW_TAGS = "model,tag\r\n"
            + "bert,+x\r\n"
            + "bert,nlp\r\n"
            + "bert,über\r\n"
            + "Émile,zz\r\n";

    static final String SPREADSHEET_MODELS = "\uFEFF"
            + "\"name\",\"description\",\"task\",\"framework\",\"license\",\"url\",\"created\",\"status\","
            + "\"successor\",\"revision\",\"catalog-batch spreadsheet export\"\r\n"
            + "\"'=eq\",\"'\tTAB first\",\"\",\"\",\"\",\"\",\"\",\"active\",\"\",\"1\",\"\"\r\n"
            + "\"'@at\",\"'\nLF first\",\"\",\"\",\"\",\"\",\"\",\"active\",\"\",\"1\",\"\"\r\n"
            + "\"_under\",\"'\rCR first\",\"\",\"\",\"\",\"\",\"\",\"active\",\"\",\"1\",\"\"\r\n"
            + "\"ana\",\"'   =x\",\"a=b\",\"\",\"\",\"\",\"\",\"archived\",\"\",\"1\",\"\"\r\n"
            + "\"bert\",\"Says \"\"hi\"\", twice\",\"fill-mask\",\"pytorch\",\"apache-2.0\",\"https://example.org/bert\","
            + "\"2024-01-02\",\"active\",\"\",\"4\",\"\"\r\n"
            + "\"nbsp\",\"'\u00A0=x\",\"\",\"\",\"\",\"\",\"\",\"active\",\"\",\"1\",\"\"\r\n"
            + "\"quote\",\"''=already\",\"\",\"\",\"\",\"\",\"\",\"active\",\"\",\"1\",\"\"\r\n"
            + "\"Zed\",\"'=1+1\",\"'+x\",\"'-1\",\"'@sum\",\"\",\"2023-05-06\",\"deprecated\",\"bert\",\"1\",\"\"\r\n"
            + "\"Émile\",\" x\",\"\",\"\",\"\",\"\",\"\",\"active\",\"\",\"2\",\"\"\r\n";

    static final String SPREADSHEET_TAGS = "\uFEFF"
            + "\"model\",\"tag\",\"catalog-batch spreadsheet export\"\r\n"
            + "\"bert\",\"'+x\",\"\"\r\n"
            + "\"bert\",\"nlp\",\"\"\r\n"
            + "\"bert\",\"über\",\"\"\r\n"
            + "\"Émile\",\"zz\",\"\"\r\n";

    @TempDir
    static Path work;
    static String folder;
    static String database;
    static int exports;

    @BeforeAll
    static void importTheCatalog() throws IOException {
        Path models = work.resolve("in/models.csv");
        Files.createDirectories(models.getParent());
        Files.writeString(models, MODELS);
        folder = work.resolve("catalog").toString();
        database = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + "/catalog";
        for (String catalog : List.of(folder, database)) {
            Result run = CatalogBatchCli.run("import", "--models", models.toString(), "--catalog", catalog,
                    "--report", work.resolve("report" + catalog.length()).toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
    }

    static Path export(String catalog, String... flavour) {
        Path out = work.resolve("export" + ++exports);
        List<String> args = new ArrayList<>(List.of("export", "--out", out.toString(), "--catalog", catalog));
        args.addAll(List.of(flavour));
        Result run = CatalogBatchCli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void the_default_spreadsheet_flavour_has_a_bom_crlf_every_cell_quoted_and_formulas_neutralised()
            throws IOException {
        Path out = export(folder);

        assertThat(read(out.resolve("models.csv"))).isEqualTo(SPREADSHEET_MODELS);
        assertThat(read(out.resolve("tags.csv"))).isEqualTo(SPREADSHEET_TAGS);
        assertThat(Files.readAllBytes(out.resolve("models.csv"))).startsWith(0xEF, 0xBB, 0xBF, '"', 'n');
    }

    @Test
    void the_raw_flavour_is_rfc_4180_without_bom_nothing_altered_and_the_same_bytes_as_the_store_files()
            throws IOException {
        Path out = export(folder, "--flavour", "RAW");

        assertThat(read(out.resolve("models.csv"))).isEqualTo(RAW_MODELS);
        assertThat(read(out.resolve("tags.csv"))).isEqualTo(RAW_TAGS);
        assertThat(Files.readAllBytes(out.resolve("models.csv"))).startsWith('n', 'a', 'm', 'e', ',');
        assertThat(Files.readAllBytes(Path.of(folder, "models.csv"))).isEqualTo(Files.readAllBytes(out.resolve("models.csv")));
        assertThat(Files.readAllBytes(Path.of(folder, "tags.csv"))).isEqualTo(Files.readAllBytes(out.resolve("tags.csv")));
    }

    @Test
    void a_database_catalog_exports_the_same_bytes_in_both_flavours() throws IOException {
        Path raw = export(database, "--flavour", "raw");
        Path spreadsheet = export(database, "--flavour", "spreadsheet");

        assertThat(read(raw.resolve("models.csv"))).isEqualTo(RAW_MODELS);
        assertThat(read(raw.resolve("tags.csv"))).isEqualTo(RAW_TAGS);
        assertThat(read(spreadsheet.resolve("models.csv"))).isEqualTo(SPREADSHEET_MODELS);
        assertThat(read(spreadsheet.resolve("tags.csv"))).isEqualTo(SPREADSHEET_TAGS);
    }

    @Test
    void rows_are_sorted_by_the_lower_case_name_key_in_code_unit_order_not_by_a_locale_collation()
            throws IOException {
        Path out = export(folder, "--flavour", "raw");
        List<String> exported;
        try (Reader reader = Files.newBufferedReader(out.resolve("models.csv"), StandardCharsets.UTF_8)) {
            exported = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .stream().map(row -> row.get("name")).toList();
        }

        assertThat(exported).containsExactly("=eq", "@at", "_under", "ana", "bert", "nbsp", "quote", "Zed", "Émile");
        List<String> byLocale = new ArrayList<>(exported);
        byLocale.sort(Collator.getInstance(Locale.FRENCH));
        assertThat(byLocale).as("a locale collation orders these otherwise").isNotEqualTo(exported);
        List<String> byCaseSensitiveCodeUnits = new ArrayList<>(exported);
        byCaseSensitiveCodeUnits.sort(String::compareTo);
        assertThat(byCaseSensitiveCodeUnits).as("Zed sorts as zed, not as Z").isNotEqualTo(exported);
    }

    @Test
    void a_cell_gets_a_quote_when_it_starts_with_tab_cr_lf_or_its_first_non_blank_char_is_a_formula_char() {
        String[][] neutralised = {
                {"=1+1", "'=1+1"}, {"+x", "'+x"}, {"-1", "'-1"}, {"-", "'-"}, {"@sum", "'@sum"},
                {"   =x", "'   =x"}, {" \t@x", "' \t@x"}, {"\u00A0+x", "'\u00A0+x"}, {"\u3000-x", "'\u3000-x"},
                {"\tTAB", "'\tTAB"}, {"\rCR", "'\rCR"}, {"\nLF", "'\nLF"}, {"\r\n", "'\r\n"}, {"\t", "'\t"},
        };
        for (String[] c : neutralised) {
            assertThat(CsvFlavour.SPREADSHEET.cell(c[0])).as(c[0]).isEqualTo(c[1]);
            assertThat(CsvFlavour.RAW.cell(c[0])).as("raw leaves " + c[0]).isEqualTo(c[0]);
        }
        for (String unaltered : List.of("a=b", " x", "", "   ", "'=x", "1-2", "x\n=y", "#N/A", "\"=x\"", "ü=1")) {
            assertThat(CsvFlavour.SPREADSHEET.cell(unaltered)).as(unaltered).isEqualTo(unaltered);
        }
    }

    @Test
    void an_export_replaces_the_files_whole_and_leaves_no_temporary_file() throws IOException {
        Path out = work.resolve("replaced");
        Files.createDirectories(out);
        Files.writeString(out.resolve("models.csv"), "an older, much longer file ".repeat(500));
        Files.writeString(out.resolve("tags.csv"), "old\n".repeat(500));
        Files.writeString(out.resolve("notes.txt"), "not ours");

        for (String flavour : List.of("raw", "spreadsheet", "raw")) {
            Result run = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", folder,
                    "--flavour", flavour);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(out.resolve("models.csv").toString());
            assertThat(filesIn(out)).containsExactly("models.csv", "notes.txt", "tags.csv");
        }

        assertThat(read(out.resolve("models.csv"))).isEqualTo(RAW_MODELS);
        assertThat(read(out.resolve("tags.csv"))).isEqualTo(RAW_TAGS);
        assertThat(read(out.resolve("notes.txt"))).isEqualTo("not ours");
    }

    @Test
    void the_xlsx_flavour_holds_the_raw_values_unguarded_in_text_cells_the_same_from_both_stores() throws IOException {
        Path fromFolder = export(folder, "--flavour", "xlsx").resolve("catalog.xlsx");
        Path fromDatabase = export(database, "--flavour", "xlsx").resolve("catalog.xlsx");

        List<List<String>> rows = Workbooks.rows(fromFolder, "models");
        List<List<String>> expected = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(RAW_MODELS)) {
            CSVFormat.RFC4180.parse(reader).forEach(record -> expected.add(new ArrayList<>(record.toList())));
        }
        expected.get(0).add("tags");
        for (int r = 1; r < expected.size(); r++) {
            String name = expected.get(r).get(0);
            expected.get(r).add(name.equals("bert") ? "+x;nlp;über" : name.equals("Émile") ? "zz" : "");
        }
        assertThat(rows).isEqualTo(expected);
        assertThat(Workbooks.rows(fromDatabase, "models")).isEqualTo(rows);
        assertThat(Workbooks.part(fromFolder, "xl/worksheets/sheet1.xml")).contains("<t>=1+1</t>")
                .doesNotContain("'=1+1").doesNotContain("<f>");
        assertThat(filesIn(fromFolder.getParent())).containsExactly("catalog.xlsx");
    }

    @Test
    void an_unknown_flavour_is_a_usage_error_and_writes_nothing() {
        Path out = work.resolve("never");

        Result run = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", folder, "--flavour", "ods");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'ods' is not a flavour: use spreadsheet, raw or xlsx");
        assertThat(out).doesNotExist();
    }
}

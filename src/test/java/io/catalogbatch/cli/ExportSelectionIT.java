package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.xlsx.CatalogWorkbook;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} with the search filters (issue #21 item 2): the selected models and only their tags, in every
 * flavour, the same bytes from every store, and a selection imports back like a whole export. The catalog is
 * {@code samples/}: 30 models, two deprecated (whose successors are active) and one archived.
 */
class ExportSelectionIT {

    static final String PYTORCH_SPEECH = "--task=automatic-speech-recognition --framework=PyTorch";
    static final String PYTORCH_SPEECH_SHOWN = "--task automatic-speech-recognition --framework PyTorch";

    @TempDir
    static Path work;
    static String folder;
    static String database;
    static int exports;

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @BeforeAll
    static void importTheSamplesIntoBothStores() {
        folder = work.resolve("catalog").toString();
        database = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + "/catalog";
        for (String catalog : List.of(folder, database)) {
            importSamples(catalog);
        }
    }

    static void importSamples(String catalog) {
        Result run = CatalogBatchCli.run("import", "--models", "samples/models.csv", "--tags", "samples/tags.csv",
                "--catalog", catalog, "--report", work.resolve("report-" + catalog.hashCode()).toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
    }

    static Path export(String catalog, String flavour, String filters) {
        Path out = work.resolve("export" + ++exports);
        List<String> args = new ArrayList<>(List.of("export", "--out", out.toString(), "--catalog", catalog,
                "--flavour", flavour));
        if (!filters.isEmpty()) {
            args.addAll(Arrays.asList(filters.split(" ")));
        }
        Result run = CatalogBatchCli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return out;
    }

    static List<String> column(Path csv, int column) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).filter(line -> line.contains(","))
                .map(line -> line.split(",", -1)[column]).toList();
    }

    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    @Test
    void a_selection_holds_the_matching_models_and_only_their_tags_the_same_bytes_from_both_stores()
            throws IOException {
        for (String flavour : List.of("raw", "spreadsheet")) {
            Path fromFolder = export(folder, flavour, PYTORCH_SPEECH);
            Path fromDatabase = export(database, flavour, PYTORCH_SPEECH);

            assertThat(bytes(fromDatabase.resolve("models.csv"))).as(flavour)
                    .isEqualTo(bytes(fromFolder.resolve("models.csv")));
            assertThat(bytes(fromDatabase.resolve("tags.csv"))).as(flavour)
                    .isEqualTo(bytes(fromFolder.resolve("tags.csv")));
        }
        Path raw = export(folder, "raw", PYTORCH_SPEECH);
        List<String> selected = List.of("northwind/whisper-small-nl", "northwind/whisper-tiny-nl",
                "saltmarsh-audio/wav2vec2-base-dialects");
        assertThat(Files.readString(raw.resolve("models.csv"))).startsWith("name,description,")
                .contains("northwind/whisper-small-nl,").contains("northwind/whisper-tiny-nl,")
                .contains("saltmarsh-audio/wav2vec2-base-dialects,").doesNotContain("acme-labs/");
        assertThat(Files.readString(raw.resolve("models.csv")).split("\r\n")).as("records end in CRLF")
                .hasSize(1 + 3);
        assertThat(column(raw.resolve("tags.csv"), 0)).isNotEmpty().allMatch(selected::contains);
        assertThat(column(Path.of(folder, "tags.csv"), 0).stream().filter(selected::contains).count())
                .as("every tag of the selected models").isEqualTo(column(raw.resolve("tags.csv"), 0).size());
    }

    @Test
    void without_filters_every_model_archived_ones_too_with_filters_archived_only_when_asked() throws IOException {
        Path whole = export(folder, "raw", "");
        assertThat(bytes(whole.resolve("models.csv"))).isEqualTo(bytes(Path.of(folder, "models.csv")));
        assertThat(bytes(whole.resolve("tags.csv"))).isEqualTo(bytes(Path.of(folder, "tags.csv")));

        String archived = "stellar-vision/efficientnet-b0-plants";
        assertThat(Files.readString(export(folder, "raw", "--framework tensorflow").resolve("models.csv")))
                .doesNotContain(archived).contains("acme-labs/resnet50-food101");
        assertThat(Files.readString(export(folder, "raw", "--framework tensorflow --status archived")
                .resolve("models.csv"))).contains(archived).doesNotContain("acme-labs/resnet50-food101");
        assertThat(Files.readString(export(database, "raw", "--status deprecated,archived").resolve("models.csv")))
                .contains(archived, "northwind/whisper-tiny-nl,", "acme-labs/bert-base-uncased-sst2-v0,")
                .doesNotContain("\r\nnorthwind/whisper-small-nl,");
    }

    @Test
    void a_selection_imports_back_into_an_empty_catalog_exactly() throws IOException {
        Path selection = export(database, "raw", PYTORCH_SPEECH);
        String copy = work.resolve("copy").toString();
        Result run = CatalogBatchCli.run("import", "--models", selection.resolve("models.csv").toString(),
                "--tags", selection.resolve("tags.csv").toString(), "--catalog", copy,
                "--report", work.resolve("report-copy").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        Path again = export(copy, "raw", "");

        assertThat(Files.readString(again.resolve("models.csv"))).isEqualTo(Files.readString(selection.resolve("models.csv")));
        assertThat(Files.readString(again.resolve("tags.csv"))).isEqualTo(Files.readString(selection.resolve("tags.csv")));
    }

    @Test
    void an_xlsx_selection_holds_the_matching_models_and_names_its_filters_in_the_about_sheet() throws IOException {
        Path fromFolder = export(folder, "xlsx", PYTORCH_SPEECH).resolve(CatalogWorkbook.FILE);
        Path fromDatabase = export(database, "xlsx", PYTORCH_SPEECH).resolve(CatalogWorkbook.FILE);

        List<List<String>> rows = Workbooks.rows(fromFolder, CatalogWorkbook.MODELS_SHEET);
        assertThat(rows).extracting(row -> row.get(0)).containsExactly("name", "northwind/whisper-small-nl",
                "northwind/whisper-tiny-nl", "saltmarsh-audio/wav2vec2-base-dialects");
        assertThat(Workbooks.rows(fromDatabase, CatalogWorkbook.MODELS_SHEET)).isEqualTo(rows);
        assertThat(Workbooks.rows(fromFolder, CatalogWorkbook.ABOUT_SHEET)).extracting(row -> row.isEmpty() ? ""
                : row.get(0)).contains("Filters: " + PYTORCH_SPEECH_SHOWN, "Models: 3");
    }

    @Test
    void a_postgresql_catalog_gives_the_same_bytes_for_the_same_selection() throws IOException {
        String pg = postgres.create();
        importSamples(pg);

        for (String flavour : List.of("raw", "spreadsheet")) {
            Path fromPostgres = export(pg, flavour, PYTORCH_SPEECH);
            Path fromFolder = export(folder, flavour, PYTORCH_SPEECH);
            assertThat(bytes(fromPostgres.resolve("models.csv"))).isEqualTo(bytes(fromFolder.resolve("models.csv")));
            assertThat(bytes(fromPostgres.resolve("tags.csv"))).isEqualTo(bytes(fromFolder.resolve("tags.csv")));
        }
    }

    @Test
    void a_filter_that_names_nothing_or_a_bad_status_is_a_usage_error_and_writes_nothing() throws IOException {
        Path out = work.resolve("never");
        Result empty = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", folder, "--all", "");
        Result status = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", folder,
                "--status", "retired");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("catalog-batch export: --all '' names nothing: give at least one value, or"
                + " leave --all out");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("--status retired is not one of active, deprecated, archived");
        assertThat(out).doesNotExist();
    }

    @Test
    void the_summary_line_names_the_filters_and_the_files() {
        Path out = work.resolve("summary");
        Result xlsx = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", folder, "--flavour", "xlsx",
                "--status", "deprecated");
        Result raw = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", folder, "--flavour", "raw",
                "--status", "deprecated");

        assertThat(xlsx.out()).isEqualTo("Exported " + folder + " (--status deprecated) to "
                + out.resolve("catalog.xlsx") + " (2 models, 7 tags), xlsx flavour." + System.lineSeparator());
        assertThat(raw.out()).isEqualTo("Exported " + folder + " (--status deprecated) to " + out.resolve("models.csv")
                + " (2 models) and " + out.resolve("tags.csv") + " (7 tag rows), raw flavour." + System.lineSeparator());
    }
}

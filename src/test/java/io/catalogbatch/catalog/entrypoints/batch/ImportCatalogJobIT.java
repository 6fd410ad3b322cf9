package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The import job end to end, through the command line, on the files in samples/. */
class ImportCatalogJobIT {

    static final Path MODELS = Path.of("samples/models.csv");
    static final Path TAGS = Path.of("samples/tags.csv");

    @TempDir
    Path work;

    Result importSamples(String catalog) {
        return CatalogBatchCli.run("import", "--models", MODELS.toString(), "--tags", TAGS.toString(),
                "--catalog", catalog);
    }

    String exportRaw(String catalog, String folder) throws Exception {
        Result export = CatalogBatchCli.run("export", "--catalog", catalog, "--out", work.resolve(folder).toString(),
                "--flavour", "raw");
        assertThat(export.exitCode()).as(export.err()).isZero();
        return Files.readString(work.resolve(folder).resolve("models.csv"))
                + Files.readString(work.resolve(folder).resolve("tags.csv"));
    }

    static Map<String, TreeSet<String>> tagsByModel(Path tagsCsv) throws Exception {
        Map<String, TreeSet<String>> tags = new TreeMap<>();
        List<String> lines = Files.readAllLines(tagsCsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            tags.computeIfAbsent(line.substring(0, comma), k -> new TreeSet<>()).add(line.substring(comma + 1));
        }
        return tags;
    }

    @Test
    void imports_the_samples_into_a_csv_folder_with_every_row_accepted() throws Exception {
        String catalog = work.resolve("catalog").toString();

        Result run = importSamples(catalog);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("30 rows read, 30 imported, 0 rejected")
                .contains("40 rows read, 40 imported, 0 rejected");
        Path models = work.resolve("catalog/models.csv");
        assertThat(Files.readAllLines(models)).hasSize(1 + 30 + 2); // one description spans three lines
        Map<String, TreeSet<String>> tags = tagsByModel(work.resolve("catalog/tags.csv"));
        assertThat(tags.values().stream().mapToInt(TreeSet::size).sum()).isEqualTo(144);
        assertThat(tags.get("acme-labs/bert-base-uncased-finetuned-sst2")).containsExactly(
                "dataset:glue", "dataset:sst2", "en", "license:apache-2.0", "pytorch", "sentiment",
                "text-classification");
        assertThat(tags.get("café-nlp/camembert-ner"))
                .containsExactly("dataset:wikiner-fr", "fr", "language:fr", "ner", "pytorch", "token-classification");
        assertThat(Files.readString(models)).contains(
                "acme-labs/bert-base-uncased-sst2-v0,First SST-2 run; superseded by the fine-tuned v1 model.,"
                        + "text-classification,pytorch,apache-2.0,"
                        + "https://models.example.org/acme-labs/bert-base-uncased-sst2-v0,2023-07-01,deprecated,"
                        + "acme-labs/bert-base-uncased-finetuned-sst2,4\r\n");
    }

    @Test
    void importing_the_same_files_again_changes_nothing() throws Exception {
        String catalog = work.resolve("catalog").toString();
        assertThat(importSamples(catalog).exitCode()).isZero();
        String first = exportRaw(catalog, "first");

        Result again = importSamples(catalog);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(exportRaw(catalog, "second")).isEqualTo(first);
    }

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    /** H2; PostgreSQL; PostgreSQL in a database whose collation (ICU's en-US) orders otherwise than the catalog. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "postgresql-icu"})
    void the_database_store_ends_with_the_same_catalog_as_the_csv_folder(String store) throws Exception {
        String folder = work.resolve("catalog").toString();
        String database = switch (store) {
            case "h2" -> "jdbc:h2:file:" + work.resolve("db/catalog").toAbsolutePath();
            case "postgresql" -> postgres.create();
            default -> postgres.create(PostgresDatabases.ICU_EN_US);
        };
        assertThat(importSamples(folder).exitCode()).isZero();

        Result run = importSamples(database);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(exportRaw(database, "from-db")).isEqualTo(exportRaw(folder, "from-csv"));
    }

    @Test
    void rejects_bad_rows_with_their_line_and_reason_and_imports_the_rest() throws Exception {
        Path models = work.resolve("models.csv");
        Files.writeString(models, """
                name,description,created,tags
                good-one,,2024-01-15,nlp
                bad-date,,15/01/2024,nlp
                two-lines,"first
                second",2024-01-16,"a;b"
                bad-tag,,,"ok;no way!"
                """);
        Path tags = work.resolve("tags.csv");
        Files.writeString(tags, "model,tag,action\ngood-one,extra,\nnobody,x,add\ngood-one,nlp,delete\n");

        Result run = CatalogBatchCli.run("import", "--models", models.toString(), "--tags", tags.toString(),
                "--catalog", work.resolve("catalog").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("4 rows read, 2 imported, 2 rejected").contains("3 rows read, 1 imported, 2 rejected");
        assertThat(run.err())
                .contains("models.csv line 3, column created:").contains("(bad-date)")
                .contains("models.csv line 6, column tags:").contains("(bad-tag)")
                .contains("tags.csv line 3, column model:").contains("(unknown-model)")
                .contains("tags.csv line 4, column action:").contains("(bad-value)");
        assertThat(tagsByModel(work.resolve("catalog/tags.csv")).get("good-one")).containsExactly("extra", "nlp");
    }

    @Test
    void a_missing_input_file_is_a_usage_error() {
        Result run = CatalogBatchCli.run("import", "--models", work.resolve("nope.csv").toString(),
                "--catalog", work.resolve("catalog").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read").contains("nope.csv");
    }
}

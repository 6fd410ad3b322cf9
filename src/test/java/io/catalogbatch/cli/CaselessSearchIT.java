package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19, items 2 and 6, through the command line, on both stores: a tag written {@code PixArt-Σ} is found by
 * {@code --all pixart-σ}, {@code --text} is NFC and folded, and an import into a catalog folder of the earlier
 * version whose names fold to one key stops before changing it.
 */
class CaselessSearchIT {

    private static final String MODELS = """
            name,description,task,framework,license,tags
            PixArt-alpha/PixArt-Sigma-XL-2-1024-MS,"Σ-Sigma, ΟΣΤΡΑ",text-to-image,PyTorch,openrail++,PixArt-Σ;Straße
            café-nlp/base,,fill-mask,PyTorch,MIT,nlp
            """;

    @TempDir
    Path work;

    @Test
    void both_stores_find_a_final_sigma_tag_and_nfc_text_as_the_issue_asks() throws Exception {
        Path models = work.resolve("models.csv");
        Files.writeString(models, MODELS);
        String folder = work.resolve("catalog").toString();
        String database = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + "/db";
        for (String catalog : List.of(folder, database)) {
            Result imported = CatalogBatchCli.run("import", "--models", models.toString(), "--catalog", catalog);
            assertThat(imported.exitCode()).as(imported.err()).isZero();

            assertThat(names(catalog, "--all", "pixart-σ")).as(catalog)
                    .containsExactly("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS");
            assertThat(names(catalog, "--all", "STRASSE")).containsExactly("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS");
            assertThat(names(catalog, "--text", "ος")).containsExactly("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS");
            assertThat(names(catalog, "--text", "cafe\u0301")).containsExactly("café-nlp/base");
            assertThat(names(catalog, "--text", "café")).containsExactly("café-nlp/base");
            assertThat(names(catalog, "--framework", "PYTORCH")).hasSize(2);
        }
    }

    @Test
    void an_import_into_an_earlier_catalog_whose_names_fold_to_one_stops_naming_both() throws Exception {
        Path catalog = work.resolve("catalog");
        Files.createDirectories(catalog);
        String header = "name,description,task,framework,license,url,created,status,successor,revision\r\n";
        String oldModels = header + "STRASSE,,,,,,,active,,1\r\nStraße,,,,,,,active,,2\r\n";
        String oldTags = "model,tag\r\nStraße,pixart-ς\r\n";
        Files.writeString(catalog.resolve("models.csv"), oldModels);
        Files.writeString(catalog.resolve("tags.csv"), oldTags);
        Path models = work.resolve("models.csv");
        Files.writeString(models, "name\nbert\n");

        Result imported = CatalogBatchCli.run("import", "--models", models.toString(), "--catalog",
                catalog.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.err()).contains("\"STRASSE\" and \"Straße\"").contains("nothing was changed")
                .contains("give \"Straße\" another name").doesNotContain("Exception")
                .doesNotContain("resume"); // running it again cannot help until one is renamed
        assertThat(Files.readString(catalog.resolve("models.csv"))).isEqualTo(oldModels);
        assertThat(Files.readString(catalog.resolve("tags.csv"))).isEqualTo(oldTags);
    }

    private static List<String> names(String catalog, String... filter) {
        List<String> line = new java.util.ArrayList<>(List.of("search", "--catalog", catalog));
        line.addAll(List.of(filter));
        Result result = CatalogBatchCli.run(line.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().lines().skip(1).map(row -> row.split(",")[1]).toList();
    }
}

package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that only read a catalog folder write nothing into it. */
class ReadOnlyCommandsIT {

    @TempDir
    Path work;

    @Test
    void export_and_search_leave_a_catalog_folder_exactly_as_they_found_it() throws Exception {
        Path catalog = work.resolve("catalog");
        Files.createDirectories(catalog);
        Files.writeString(catalog.resolve("models.csv"),
                "name,description,task,framework,license,url,created,status,successor,revision\r\nbert,,,,,,,active,,2\r\n");
        Files.writeString(catalog.resolve("tags.csv"), "model,tag\r\nbert,nlp\r\n");

        Result export = CatalogBatchCli.run("export", "--catalog", catalog.toString(), "--out",
                work.resolve("out").toString(), "--flavour", "raw");
        Result search = CatalogBatchCli.run("search", "--catalog", catalog.toString(), "--all", "NLP");

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).contains("1,bert,,,,active,nlp,nlp,");
        try (Stream<Path> files = Files.list(catalog)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("models.csv", "tags.csv");
        }
    }
}

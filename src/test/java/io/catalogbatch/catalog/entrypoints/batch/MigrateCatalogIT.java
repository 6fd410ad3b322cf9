package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code catalog-batch migrate} between a CSV folder and a database (H2, PostgreSQL), both ways, and its restart. */
class MigrateCatalogIT {

    @TempDir
    Path work;
    String folder;

    @BeforeEach
    void sampleCatalog() {
        folder = work.resolve("csv").toString();
        Result imported = CatalogBatchCli.run("import", "--models", "samples/models.csv", "--tags", "samples/tags.csv",
                "--catalog", folder, "--report", work.resolve("r").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @AfterEach
    void clearSwitches() {
        System.clearProperty("catalog-batch.chunk-size");
        System.clearProperty("catalog-batch.fault.fail-after-models");
    }

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    String database(String name) {
        return "jdbc:h2:file:" + work.resolve(name).resolve("catalog").toAbsolutePath();
    }

    /** A new database of this store: an H2 file, or a PostgreSQL database of the test's own. */
    String database(String store, String name) {
        return store.equals("h2") ? database(name) : postgres.create();
    }

    String exportRaw(String catalog, String out) throws Exception {
        Result export = CatalogBatchCli.run("export", "--catalog", catalog, "--out", work.resolve(out).toString(),
                "--flavour", "raw");
        assertThat(export.exitCode()).as(export.err()).isZero();
        return Files.readString(work.resolve(out).resolve("models.csv"))
                + Files.readString(work.resolve(out).resolve("tags.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void copies_a_folder_into_a_database_and_back_and_every_export_is_the_same_bytes(String store) throws Exception {
        String db = database(store, "db");
        String back = work.resolve("back").toString();

        Result toDb = CatalogBatchCli.run("migrate", "--from", folder, "--to", db);
        Result toFolder = CatalogBatchCli.run("migrate", "--from", db, "--to", back);

        assertThat(toDb.exitCode()).as(toDb.err()).isZero();
        assertThat(toDb.out()).contains("30 models");
        assertThat(toFolder.exitCode()).as(toFolder.err()).isZero();
        String original = exportRaw(folder, "e1");
        assertThat(exportRaw(db, "e2")).isEqualTo(original);
        assertThat(exportRaw(back, "e3")).isEqualTo(original);
        assertThat(Files.readString(Path.of(back, "models.csv")) + Files.readString(Path.of(back, "tags.csv")))
                .isEqualTo(original);
    }

    @Test
    void refuses_a_target_that_holds_models_unless_told_to_overwrite_it() throws Exception {
        String other = work.resolve("other").toString();
        Files.writeString(work.resolve("m.csv"), "name\nonly-here\n");
        CatalogBatchCli.run("import", "--models", work.resolve("m.csv").toString(), "--catalog", other,
                "--report", work.resolve("r2").toString());

        Result refused = CatalogBatchCli.run("migrate", "--from", folder, "--to", other);
        Result overwritten = CatalogBatchCli.run("migrate", "--from", folder, "--to", other, "--overwrite");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already holds 1 models").contains("--overwrite");
        assertThat(overwritten.exitCode()).as(overwritten.err()).isZero();
        assertThat(exportRaw(other, "e1")).isEqualTo(exportRaw(folder, "e2")).doesNotContain("only-here");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void a_migration_that_fails_midway_resumes_when_run_again(String store) throws Exception {
        String db = database(store, "db");
        System.setProperty("catalog-batch.chunk-size", "7");
        System.setProperty("catalog-batch.fault.fail-after-models", "17");

        Result failed = CatalogBatchCli.run("migrate", "--from", folder, "--to", db);
        System.clearProperty("catalog-batch.fault.fail-after-models");
        Result resumed = CatalogBatchCli.run("migrate", "--from", folder, "--to", db);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("fault injected after 17 models").contains("run the same command again");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(exportRaw(db, "e1")).isEqualTo(exportRaw(folder, "e2"));
    }

    @Test
    void the_same_catalog_on_both_sides_is_a_usage_error_however_it_is_named() throws Exception {
        Path link = Files.createSymbolicLink(work.resolve("link"), Path.of(folder));
        String db = database("db");
        CatalogBatchCli.run("migrate", "--from", folder, "--to", db);

        assertThat(CatalogBatchCli.run("migrate", "--from", folder, "--to", folder + "/.").exitCode()).isEqualTo(2);
        assertThat(CatalogBatchCli.run("migrate", "--from", folder, "--to", link.toString(), "--overwrite")
                .exitCode()).isEqualTo(2);
        assertThat(CatalogBatchCli.run("migrate", "--from", db, "--to",
                db.replace("/db/catalog", "/db/../db/catalog"), "--overwrite").exitCode()).isEqualTo(2);
        assertThat(Files.readAllLines(Path.of(folder, "models.csv"))).hasSize(1 + 30 + 2);
    }
}

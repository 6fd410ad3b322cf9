package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands that only read a catalog write nothing into it, and create none where there is none. */
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

    @Test
    void export_names_both_files_it_wrote_with_their_rows() throws Exception {
        Path catalog = work.resolve("catalog");
        Result imported = CatalogBatchCli.run("import", "--catalog", catalog.toString(), "--models",
                write("models.csv", "name,tags\nbert,nlp;en\ngpt,\n").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path out = work.resolve("out");

        Result export = CatalogBatchCli.run("export", "--catalog", catalog.toString(), "--out", out.toString(),
                "--flavour", "raw");

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).isEqualTo("Exported " + catalog + " to " + out.resolve("models.csv")
                + " (2 models) and " + out.resolve("tags.csv") + " (2 tag rows), raw flavour." + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "search", "history", "migrate"})
    void a_command_that_only_reads_a_database_with_no_catalog_says_so_and_creates_nothing(String command)
            throws Exception {
        String missing = "jdbc:h2:file:" + work.resolve("nothere").toAbsolutePath();

        Result run = CatalogBatchCli.run(readOnly(command, missing));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("there is no catalog at " + missing).doesNotContain("resume")
                .doesNotContain("42104");
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("nothere"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "search", "history", "migrate"})
    void a_database_without_the_catalog_table_holds_no_catalog(String command) throws Exception {
        String other = "jdbc:h2:file:" + work.resolve("other").toAbsolutePath();
        try (var connection = DriverManager.getConnection(other)) {
            connection.createStatement().execute("create table something_else (id int)");
        }

        Result run = CatalogBatchCli.run(readOnly(command, other));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("there is no catalog at " + other);
        try (var connection = DriverManager.getConnection(other + ";IFEXISTS=TRUE");
             var tables = connection.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).containsExactly("SOMETHING_ELSE");
        }
    }

    @Test
    void a_dry_run_into_a_database_that_does_not_exist_checks_against_an_empty_catalog_and_creates_nothing()
            throws Exception {
        String missing = "jdbc:h2:file:" + work.resolve("nothere").toAbsolutePath();

        Result run = CatalogBatchCli.run("import", "--dry-run", "--catalog", missing, "--models",
                write("models.csv", "name,tags\nbert,nlp\n").toString(), "--report", work.resolve("report").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 changes");
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("nothere"));
        }
    }

    @Test
    void a_dry_run_into_a_database_checks_against_the_catalog_it_holds_and_changes_nothing() throws Exception {
        String database = "jdbc:h2:file:" + work.resolve("catalog").toAbsolutePath();
        Path models = write("models.csv", "name,tags\nbert,nlp\n");
        assertThat(CatalogBatchCli.run("import", "--catalog", database, "--models", models.toString()).exitCode())
                .isZero();
        Path changed = write("changed.csv", "name,tags\nbert,nlp;en\ngpt,\n");

        Result again = CatalogBatchCli.run("import", "--dry-run", "--catalog", database, "--models", models.toString());
        Result other = CatalogBatchCli.run("import", "--dry-run", "--catalog", database, "--models", changed.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Dry run, nothing stored: 0 changes");
        assertThat(other.out()).contains("Dry run, nothing stored: 2 changes");
        Result search = CatalogBatchCli.run("search", "--catalog", database);
        assertThat(search.out()).contains("1,bert,,,,active,,nlp,").doesNotContain("gpt");
    }

    private String[] readOnly(String command, String catalog) {
        String out = work.resolve("out").toString();
        return switch (command) {
            case "export" -> new String[] {"export", "--catalog", catalog, "--out", out};
            case "migrate" -> new String[] {"migrate", "--from", catalog, "--to", out};
            default -> new String[] {command, "--catalog", catalog};
        };
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(work.resolve(name), content);
    }
}

package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that fails midway through a chunk is resumed by running the same command again, and ends with
 * the catalog and the reports of a run that never failed: no row lost, none applied or reported twice.
 */
class ImportRestartIT {

    static final int MODELS = 400;

    @TempDir
    Path work;
    Path models;
    Path tags;

    @BeforeEach
    void writeInputAndUseSmallChunks() throws Exception {
        System.setProperty("catalog-batch.chunk-size", "50");
        StringBuilder m = new StringBuilder("name,description,tags,revision\n");
        for (int i = 0; i < MODELS; i++) {
            m.append(String.format("org/model-%03d,\"model %d, \"\"quoted\"\"\",t%d;shared,%s%n", i, i, i % 7,
                    i % 97 == 0 ? "x" : ""));
        }
        m.append("org/MODEL-001,a duplicate name,,\n");
        models = work.resolve("models.csv");
        Files.writeString(models, m);
        StringBuilder t = new StringBuilder("model,tag,action\n");
        for (int i = 0; i < MODELS * 3; i++) {
            int model = (i * 7) % (MODELS + 3);
            t.append(String.format("org/model-%03d,tag-%d,%s%n", model, i % 50, i % 11 == 0 ? "remove" : "add"));
        }
        tags = work.resolve("tags.csv");
        Files.writeString(tags, t);
    }

    @AfterEach
    void clearSwitches() {
        System.clearProperty("catalog-batch.chunk-size");
        System.clearProperty("catalog-batch.fault.fail-after-line");
    }

    String mode = "merge";

    Result importInto(String catalog, String report) {
        return CatalogBatchCli.run("import", "--models", models.toString(), "--tags", tags.toString(),
                "--catalog", catalog, "--report", work.resolve(report).toString(), "--mode", mode);
    }

    String export(String catalog, String folder) throws Exception {
        Result export = CatalogBatchCli.run("export", "--catalog", catalog, "--out", work.resolve(folder).toString(),
                "--flavour", "raw");
        assertThat(export.exitCode()).as(export.err()).isZero();
        return Files.readString(work.resolve(folder).resolve("models.csv"))
                + Files.readString(work.resolve(folder).resolve("tags.csv"));
    }

    List<String> lines(String report, String file) throws Exception {
        return Files.readAllLines(work.resolve(report).resolve(file));
    }

    @ParameterizedTest(name = "{0} store, failing after line {1} of the {2} file, {3} mode")
    @CsvSource({"csv, 230, models, merge", "csv, 777, tags, merge", "h2, 230, models, merge", "h2, 777, tags, merge",
            "csv, 777, tags, replace", "h2, 230, models, replace", "postgresql, 230, models, merge",
            "postgresql, 777, tags, replace"})
    void a_run_resumed_after_a_failure_ends_like_an_uninterrupted_one(String store, long line, String file,
                                                                     String mode) throws Exception {
        this.mode = mode;
        String reference = catalog(store, "reference");
        Result clean = importInto(reference, "reference-report");
        assertThat(clean.exitCode()).as(clean.err()).isEqualTo(3);
        String interrupted = catalog(store, "interrupted");
        if (file.equals("tags")) {
            assertThat(line).isGreaterThan(MODELS + 2); // the switch counts lines of either file
        }
        System.setProperty("catalog-batch.fault.fail-after-line", Long.toString(line));

        Result failed = importInto(interrupted, "report");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("fault injected after line " + line).contains("run the same command again");
        System.clearProperty("catalog-batch.fault.fail-after-line");

        Result resumed = importInto(interrupted, "report");

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(3);
        assertThat(Files.readString(work.resolve("report/run.log")))
                .as("the same job instance went on; its completed check step was not run again")
                .contains("Step already complete or not restartable, so no action to execute")
                .contains("name=" + ImportCatalogJobConfiguration.CHECK_MODELS_STEP);
        assertThat(export(interrupted, "after-restart")).isEqualTo(export(reference, "after-clean-run"));
        assertThat(lines("report", "models.errors.csv")).isEqualTo(lines("reference-report", "models.errors.csv"));
        assertThat(lines("report", "tags.errors.csv")).isEqualTo(lines("reference-report", "tags.errors.csv"));
        assertThat(lines("report", "changes.csv")).hasSameSizeAs(lines("reference-report", "changes.csv"));
        assertSameOutput(resumed, clean, reference, interrupted);
    }

    /**
     * A dry run keeps its changes in memory only, so a failed one cannot be resumed where it stopped (the
     * models it had added would be missing): the same command runs it again from the first row, into the
     * same report folder, and reports what an uninterrupted dry run reports.
     */
    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = {"csv", "h2", "postgresql"})
    void a_failed_dry_run_runs_again_from_the_first_row(String store) throws Exception {
        String reference = catalog(store, "reference");
        Result clean = dryRun(reference, "reference-report");
        assertThat(clean.exitCode()).as(clean.err()).isEqualTo(3);
        String interrupted = catalog(store, "interrupted");
        System.setProperty("catalog-batch.fault.fail-after-line", "777");

        Result failed = dryRun(interrupted, "report");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("Dry run: nothing was stored; run the same command again to start it over.");
        System.clearProperty("catalog-batch.fault.fail-after-line");

        Result again = dryRun(interrupted, "report");

        assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
        assertThat(lines("report", "models.errors.csv")).isEqualTo(lines("reference-report", "models.errors.csv"));
        assertThat(lines("report", "tags.errors.csv")).isEqualTo(lines("reference-report", "tags.errors.csv"));
        assertThat(lines("report", "changes.csv")).isEqualTo(lines("reference-report", "changes.csv"));
        assertSameOutput(again, clean, reference, interrupted);
    }

    Result dryRun(String catalog, String report) {
        return CatalogBatchCli.run("import", "--models", models.toString(), "--tags", tags.toString(),
                "--catalog", catalog, "--report", work.resolve(report).toString(), "--dry-run");
    }

    /**
     * A chunk whose commit failed and could not be rolled back (a full disk can do that) leaves its run
     * UNKNOWN, which Spring Batch refuses to restart; the same command then runs a new attempt from the
     * first row, and the catalog ends as after an uninterrupted run.
     */
    @Test
    void a_run_left_unknown_is_abandoned_and_the_same_command_imports_anew() throws Exception {
        String reference = catalog("csv", "reference");
        assertThat(importInto(reference, "reference-report").exitCode()).isEqualTo(3);
        String interrupted = catalog("csv", "interrupted");
        System.setProperty("catalog-batch.fault.fail-after-line", "230");
        assertThat(importInto(interrupted, "report").exitCode()).isEqualTo(1);
        System.clearProperty("catalog-batch.fault.fail-after-line");
        String jobs = "jdbc:h2:file:" + work.resolve("interrupted/.catalog-batch/jobs").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(jobs);
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("update BATCH_JOB_EXECUTION set STATUS = 'UNKNOWN'")).isEqualTo(1);
        }

        Result again = importInto(interrupted, "report-again");

        assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
        assertThat(export(interrupted, "after-unknown")).isEqualTo(export(reference, "after-clean-run"));
        Result history = CatalogBatchCli.run("history", "--catalog", interrupted, "--csv");
        assertThat(history.out().lines()).hasSize(3).element(1).asString().contains("done-with-rejections");
    }

    /** The run printed what the clean run into {@code reference} printed, but for paths and times. */
    void assertSameOutput(Result run, Result clean, String reference, String catalog) {
        assertThat(withoutTime(run.out())).isEqualTo(withoutTime(clean.out()
                .replace(work.resolve("reference-report").toString(), work.resolve("report").toString())
                .replace(reference, catalog)));
    }

    static String withoutTime(String out) {
        return out.replaceAll("in [0-9.]+ s", "in X s");
    }

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    String catalog(String store, String name) {
        return switch (store) {
            case "csv" -> work.resolve(name).toString();
            case "h2" -> "jdbc:h2:file:" + work.resolve(name).resolve("catalog").toAbsolutePath();
            case "postgresql" -> postgres.create();
            default -> throw new IllegalArgumentException(store);
        };
    }
}

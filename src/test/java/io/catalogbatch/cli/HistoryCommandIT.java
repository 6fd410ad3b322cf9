package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code history} lists the runs of a catalog's job repository, newest first, with the status and rows of each
 * (from its summary.json, or from the repository when the report folder lost it), and reads only.
 */
class HistoryCommandIT {

    static final List<String> CSV_HEADER = List.of("started", "host", "command", "files", "status", "read", "imported",
            "rejected", "duration", "report");

    @TempDir
    Path work;

    @AfterEach
    void clearSwitches() {
        System.clearProperty("catalog-batch.chunk-size");
        System.clearProperty("catalog-batch.fault.fail-after-line");
    }

    String catalog(String store) {
        return store.equals("csv") ? work.resolve("catalog").toString()
                : "jdbc:h2:file:" + work.resolve("db").toAbsolutePath();
    }

    Path write(String name, String content) throws Exception {
        return Files.writeString(work.resolve(name), content);
    }

    Result importInto(String catalog, String report, Path models, Path tags, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "--catalog", catalog, "--models",
                models.toString(), "--report", work.resolve(report).toString()));
        if (tags != null) {
            args.addAll(List.of("--tags", tags.toString()));
        }
        args.addAll(List.of(more));
        return CatalogBatchCli.run(args.toArray(String[]::new));
    }

    /** Five executions, oldest first: done, done-with-rejections, refused, failed, then the resumed run (done). */
    void fiveRuns(String catalog) throws Exception {
        Path models = write("first-models.csv", "name,description\norg/a,A\norg/b,B\norg/c,C\n");
        Path tags = write("first-tags.csv", "model,tag\norg/a,nlp\norg/b,vision\n");
        assertThat(importInto(catalog, "r1", models, tags).exitCode()).isEqualTo(ExitCode.DONE);
        Result dryRun = importInto(catalog, "dry", models, tags, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(ExitCode.DONE);

        Path rejections = write("rejections.csv", "name,status\norg/d,active\norg/e,sleeping\norg/D,\n");
        assertThat(importInto(catalog, "r2", rejections, null).exitCode()).isEqualTo(ExitCode.REJECTED_ROWS);

        Path broken = write("broken.csv", "name,description\norg/x,\"never closed\n");
        assertThat(importInto(catalog, "r3", broken, null).exitCode()).isEqualTo(ExitCode.FAILED);

        StringBuilder rows = new StringBuilder("name,description\n");
        for (int i = 0; i < 50; i++) {
            rows.append(String.format("org/big-%02d,model %d%n", i, i));
        }
        Path big = write("big.csv", rows.toString());
        System.setProperty("catalog-batch.chunk-size", "10");
        System.setProperty("catalog-batch.fault.fail-after-line", "25");
        Result failed = importInto(catalog, "r4", big, null);
        System.clearProperty("catalog-batch.fault.fail-after-line");
        System.clearProperty("catalog-batch.chunk-size");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.out()).contains("20 rows read");
        Result resumed = importInto(catalog, "r4", big, null);
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCode.DONE);
    }

    static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    static String cell(CSVRecord line, String column) {
        return line.get(CSV_HEADER.indexOf(column));
    }

    static List<String> values(CSVRecord record) {
        return record.toList();
    }

    String folder(String report) {
        return work.resolve(report).toAbsolutePath().normalize().toString();
    }

    @ParameterizedTest(name = "{0} catalog")
    @ValueSource(strings = {"csv", "h2"})
    void lists_every_execution_newest_first_with_its_status_rows_and_report_folder(String store) throws Exception {
        String catalog = catalog(store);
        fiveRuns(catalog);

        Result history = CatalogBatchCli.run("history", "--catalog", catalog, "--csv");

        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.DONE);
        List<CSVRecord> lines = records(history.out());
        assertThat(values(lines.get(0))).isEqualTo(CSV_HEADER);
        assertThat(lines.subList(1, lines.size())).extracting(line -> List.of(cell(line, "command"),
                        cell(line, "files"), cell(line, "status"), cell(line, "read"), cell(line, "imported"),
                        cell(line, "rejected"), cell(line, "report")))
                .containsExactly(
                        List.of("import", "big.csv", "done", "50", "50", "0", folder("r4")),
                        List.of("import", "big.csv", "failed", "20", "20", "0", folder("r4")),
                        List.of("import", "broken.csv", "refused", "0", "0", "0", folder("r3")),
                        List.of("import", "rejections.csv", "done-with-rejections", "3", "1", "2", folder("r2")),
                        List.of("import", "first-models.csv, first-tags.csv", "done", "5", "5", "0", folder("r1")));
        for (CSVRecord line : lines.subList(1, lines.size())) {
            assertThat(cell(line, "started")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(Double.parseDouble(cell(line, "duration"))).isBetween(0.0, 600.0);
        }
        assertThat(lines.subList(1, lines.size())).extracting(line -> cell(line, "started"))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(history.err()).isEmpty();
    }

    /**
     * Each start used to run Spring Batch's whole schema script again: nine "already exists" errors in H2's trace
     * file a run. (The file may still hold what H2 traces of itself: with the tests' {@code -ea}, its own
     * assertion in {@code FreeSpaceBitSet.allocate} when it compacts the file on closing, h2database#4048, wrong
     * since H2 writes chunks asynchronously and fixed after 2.4.240; without {@code -ea} H2 never checks it.)
     */
    @Test
    void runs_on_a_database_catalog_do_not_try_to_create_the_job_repository_again() throws Exception {
        fiveRuns(catalog("h2"));
        Path trace = work.resolve("db.trace.db");
        assertThat(Files.exists(trace) ? readTrace(trace) : "").doesNotContain("already exists");
    }

    private static String readTrace(Path trace) {
        try {
            return Files.readString(trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void prints_a_table_with_headers_and_aligned_columns() throws Exception {
        String catalog = catalog("csv");
        fiveRuns(catalog);

        Result history = CatalogBatchCli.run("history", "--catalog", catalog);

        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.DONE);
        List<String> lines = history.out().lines().toList();
        assertThat(lines).hasSize(6);
        String header = lines.get(0);
        assertThat(header.split(" +")).containsExactly("STARTED", "HOST", "COMMAND", "FILES", "STATUS", "READ", "IMPORTED",
                "REJECTED", "DURATION", "REPORT");
        assertThat(lines.get(1)).contains(" import ", " big.csv ", " done ", folder("r4"));
        assertThat(lines.get(2)).contains(" failed ", folder("r4"));
        assertThat(lines.get(3)).contains(" broken.csv ", " refused ", folder("r3"));
        assertThat(lines.get(4)).contains(" done-with-rejections ", folder("r2"));
        assertThat(lines.get(5)).contains(" first-models.csv, first-tags.csv ", " done ", folder("r1"));
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.indexOf("import")).isEqualTo(header.indexOf("COMMAND"));
            assertThat(line.indexOf(" s  ") + " s".length()).as(line)
                    .isEqualTo(header.indexOf("DURATION") + "DURATION".length());
            assertThat(line.indexOf("/")).isEqualTo(header.indexOf("REPORT"));
        }
        assertThat(lines.get(4).replaceAll(" +", " ")).contains(" done-with-rejections 3 1 2 ");
        assertThat(lines.get(2).replaceAll(" +", " ")).contains(" failed 20 20 0 ");
    }

    /**
     * A database catalog's job repository holds every machine's runs: each execution names the host that ran it (a
     * non-identifying parameter, so the same command still resumes its run); a run recorded before that shows
     * {@code -} in the table and nothing in CSV.
     */
    @Test
    void shows_the_host_that_ran_each_execution_and_nothing_for_older_runs() throws Exception {
        String catalog = catalog("h2");
        fiveRuns(catalog);
        try (Connection db = DriverManager.getConnection(catalog);
             Statement sql = db.createStatement()) {
            // As a version before the host was recorded left the first run.
            sql.executeUpdate("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'host'"
                    + " AND JOB_EXECUTION_ID = (SELECT MIN(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)");
        }
        String here = InetAddress.getLocalHost().getHostName();

        Result csv = CatalogBatchCli.run("history", "--catalog", catalog, "--csv");
        Result table = CatalogBatchCli.run("history", "--catalog", catalog);

        assertThat(csv.exitCode()).as(csv.err()).isEqualTo(ExitCode.DONE);
        assertThat(records(csv.out()).subList(1, 6)).extracting(line -> cell(line, "host"))
                .containsExactly(here, here, here, here, "");
        List<String> lines = table.out().lines().toList();
        int column = lines.get(0).indexOf("HOST");
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line.substring(column)).startsWith(here + " "));
        assertThat(lines.get(5).substring(column)).startsWith("- ");
    }

    @Test
    void falls_back_on_the_job_repository_when_the_report_folders_are_gone() throws Exception {
        String catalog = catalog("csv");
        fiveRuns(catalog);
        for (String report : List.of("r2", "r3", "r4")) {
            Files.delete(work.resolve(report).resolve("summary.json"));
        }

        Result history = CatalogBatchCli.run("history", "--catalog", catalog, "--csv");

        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.DONE);
        assertThat(records(history.out()).subList(1, 5)).extracting(line -> List.of(cell(line, "status"),
                cell(line, "read"), cell(line, "imported"), cell(line, "rejected"))).containsExactly(
                        List.of("done", "30", "30", "0"), // the resumed execution's own rows
                        List.of("failed", "20", "20", "0"), // committed rows only
                        List.of("refused", "0", "0", "0"),
                        List.of("done-with-rejections", "3", "1", "2"));
    }

    @Test
    void limit_shows_the_newest_runs_and_says_how_many_there_are() throws Exception {
        String catalog = catalog("csv");
        fiveRuns(catalog);

        Result table = CatalogBatchCli.run("history", "--catalog", catalog, "--limit", "2");
        Result csv = CatalogBatchCli.run("history", "--catalog", catalog, "--limit", "2", "--csv");
        Result all = CatalogBatchCli.run("history", "--catalog", catalog, "--limit", "0", "--csv");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines()).hasSize(4).last()
                .isEqualTo("The 2 newest of 5 runs; --limit 0 shows them all.");
        assertThat(table.out().lines().toList().get(2)).contains(" failed ");
        assertThat(records(csv.out())).hasSize(3).extracting(line -> cell(line, "status"))
                .containsExactly("status", "done", "failed");
        assertThat(csv.err()).contains("The 2 newest of 5 runs");
        assertThat(records(all.out())).hasSize(6);
        assertThat(all.err()).isEmpty();
    }

    @Test
    void a_missing_catalog_is_said_to_be_missing_and_is_not_created() throws Exception {
        Path missing = work.resolve("no-catalog");
        Result none = CatalogBatchCli.run("history", "--catalog", missing.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("there is no catalog at " + missing);
        assertThat(missing).doesNotExist();

        String database = "jdbc:h2:file:" + work.resolve("no-db").toAbsolutePath();
        Result h2 = CatalogBatchCli.run("history", "--catalog", database);
        assertThat(h2.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(h2.err()).contains("there is no catalog at " + database);
        try (var files = Files.list(work)) {
            assertThat(files).extracting(file -> file.getFileName().toString()).noneMatch(f -> f.startsWith("no-db"));
        }
    }

    @Test
    void a_catalog_without_runs_is_not_changed() throws Exception {
        Path empty = Files.createDirectory(work.resolve("empty-catalog"));
        Result csv = CatalogBatchCli.run("history", "--catalog", empty.toString(), "--csv");
        assertThat(csv.exitCode()).isEqualTo(ExitCode.DONE);
        assertThat(records(csv.out())).hasSize(1);
        assertThat(csv.err()).contains("no runs recorded for " + empty);
        try (var files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_dry_run_is_not_listed() throws Exception {
        String catalog = catalog("csv");
        Files.createDirectories(Path.of(catalog));
        Path models = write("models.csv", "name\norg/a\n");
        assertThat(importInto(catalog, "dry", models, null, "--dry-run").exitCode()).isEqualTo(ExitCode.DONE);

        Result history = CatalogBatchCli.run("history", "--catalog", catalog);

        assertThat(history.exitCode()).isEqualTo(ExitCode.DONE);
        assertThat(history.out()).startsWith("no runs recorded for ");
    }

    @Test
    void a_negative_limit_is_a_usage_error() {
        Result history = CatalogBatchCli.run("history", "--catalog", work.toString(), "--limit", "-1");

        assertThat(history.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(history.err()).contains("--limit -1");
    }

    @Test
    void says_what_went_wrong_when_the_repository_cannot_be_read() {
        Result history = CatalogBatchCli.run("history", "--catalog", "jdbc:nosuchdb://nowhere/catalog");

        assertThat(history.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(history.err()).startsWith("catalog-batch: history failed: ").doesNotContain("\tat ");
    }
}

package io.catalogbatch.cli;

import io.catalogbatch.runs.GracefulStop;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.csv.CsvCatalog;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.shared.faults.FaultPause;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code watch --once} in this JVM: pairs and lone tags files, refused files, rejected rows, files not ready, a
 * failed run left in the inbox and resumed, what {@code history} shows, and usage errors. Signals, two processes
 * and a busy catalog are in {@link WatchProcessIT}.
 */
class WatchCommandIT {

    @TempDir
    Path work;
    @TempDir
    Path signals;
    Path inbox;

    @BeforeEach
    void createInbox() throws Exception {
        inbox = Files.createDirectories(work.resolve("inbox"));
    }

    @AfterEach
    void clearSwitches() {
        System.clearProperty("catalog-batch.chunk-size");
        System.clearProperty("catalog-batch.fault.fail-after-line");
        GracefulStop.reset();
    }

    Path drop(String name, String content) throws Exception {
        return Files.writeString(inbox.resolve(name), content);
    }

    String catalog(String store) {
        return store.equals("csv") ? work.resolve("catalog").toString()
                : "jdbc:h2:file:" + work.resolve("db").toAbsolutePath();
    }

    Result watchOnce(String catalog, String... more) {
        List<String> args = new ArrayList<>(List.of("watch", "--inbox", inbox.toString(), "--once", "--settle", "0",
                "--poll", "100ms", "--catalog", catalog));
        args.addAll(List.of(more));
        return CatalogBatchCli.run(args.toArray(String[]::new));
    }

    /**
     * Where a file or report folder was filed in {@code done/<date>/}: the date its import ended, which is not
     * always the date the test began (a run at midnight).
     */
    Path done(String name) throws Exception {
        return filed("done", name);
    }

    Path failed(String name) throws Exception {
        return filed("failed", name);
    }

    Path filed(String outcome, String name) throws Exception {
        Path root = inbox.resolve(outcome);
        if (Files.isDirectory(root)) {
            try (Stream<Path> dates = Files.list(root)) {
                Optional<Path> found = dates.map(date -> date.resolve(name)).filter(Files::exists).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return root.resolve(LocalDate.now().toString()).resolve(name); // not there: says where it was expected
    }

    /** {@code watch --once} on a thread of its own, for a test that acts while it is paused at a fault point. */
    FutureTask<Result> startWatchOnce(String catalog) {
        FutureTask<Result> watching = new FutureTask<>(() -> watchOnce(catalog));
        new Thread(watching, "watcher").start();
        return watching;
    }

    /** What another watcher on the inbox does with a batch it imported: takes its files away. */
    void takenByAnotherWatcher(String... names) throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("taken-by-another-watcher"));
        for (String name : names) {
            Files.move(inbox.resolve(name), elsewhere.resolve(name));
        }
    }

    List<String> inboxFiles() throws Exception {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    List<CSVRecord> history(String catalog) throws Exception {
        Result history = CatalogBatchCli.run("history", "--catalog", catalog, "--csv");
        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.DONE);
        return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(history.out())).getRecords();
    }

    List<String> exportedTags(String catalog) throws Exception {
        Path out = work.resolve("export");
        Result export = CatalogBatchCli.run("export", "--catalog", catalog, "--out", out.toString(), "--flavour", "raw");
        assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCode.DONE);
        return Files.readAllLines(out.resolve("tags.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "h2"})
    void imports_a_pair_then_a_lone_tags_file_files_them_in_done_and_history_shows_the_runs(String store)
            throws Exception {
        String catalog = catalog(store);
        drop("a-models.csv", "name,description\norg/one,One\norg/two,Two\n");
        drop("a-tags.csv", "model,tag\norg/one,nlp\norg/two,vision\n");
        drop("b-tags.csv", "model,tag,action\norg/one,Large Language Model\norg/two,vision,remove\n");
        drop("readme.txt", "not for us");

        Result watch = watchOnce(catalog);

        assertThat(watch.exitCode()).as(watch.out() + watch.err()).isEqualTo(ExitCode.DONE);
        assertThat(inboxFiles()).containsExactly("readme.txt");
        assertThat(done("a-models.csv")).exists();
        assertThat(done("a-tags.csv")).exists();
        assertThat(done("b-tags.csv")).exists();
        assertThat(exportedTags(catalog)).containsExactly("model,tag", "org/one,large-language-model",
                "org/one,nlp");

        RunSummary pair = RunSummary.read(done("a-models.report").resolve("summary.json"));
        assertThat(pair.status()).isEqualTo("done");
        assertThat(pair.reportFolder()).isEqualTo(done("a-models.report").toString());
        assertThat(pair.files()).extracting(RunSummary.FileSummary::path).containsExactly(
                done("a-models.csv").toString(), done("a-tags.csv").toString());
        RunSummary lone = RunSummary.read(done("b-tags.report").resolve("summary.json"));
        assertThat(lone.files()).extracting(RunSummary.FileSummary::role).containsExactly("tags");
        assertThat(lone.files().get(0).imported()).isEqualTo(2);

        String[] lines = watch.out().lines().filter(line -> line.contains(".csv:")).toArray(String[]::new);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("a-models.csv: done, 2 rows read, 2 imported, 0 rejected; exit 0; filed in "
                + done("a-models.csv").getParent() + "; report " + done("a-models.report"));
        assertThat(lines[1]).contains("a-tags.csv: done, 2 rows read").contains("report " + done("a-models.report"));
        assertThat(lines[2]).contains("b-tags.csv: done, 2 rows read").contains("report " + done("b-tags.report"));

        List<CSVRecord> runs = history(catalog);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("command")).isEqualTo("watch");
        assertThat(runs.get(0).get("files")).isEqualTo("b-tags.csv");
        assertThat(runs.get(0).get("status")).isEqualTo("done");
        assertThat(runs.get(0).get("report")).isEqualTo(done("b-tags.report").toString());
        assertThat(runs.get(1).get("files")).isEqualTo("a-models.csv, a-tags.csv");
        assertThat(runs.get(1).get("read")).isEqualTo("4");
        assertThat(runs.get(1).get("report")).isEqualTo(done("a-models.report").toString());
    }

    @Test
    void a_refused_file_goes_to_failed_with_its_report_and_the_run_exits_1() throws Exception {
        drop("a-models.csv", "name,description\norg/one,\"never closed\n");
        drop("a-tags.csv", "model,tag\norg/one,nlp\n");
        drop("b-models.csv", "name\norg/fine\n");

        Result watch = watchOnce(catalog("csv"));

        assertThat(watch.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(inboxFiles()).isEmpty();
        assertThat(failed("a-models.csv")).exists();
        assertThat(failed("a-tags.csv")).exists();
        RunSummary summary = RunSummary.read(failed("a-models.report").resolve("summary.json"));
        assertThat(summary.status()).isEqualTo("refused");
        assertThat(summary.files()).extracting(RunSummary.FileSummary::reason)
                .containsExactly("unbalanced-quote", "models-file-refused");
        assertThat(done("b-models.csv")).as("the next batch is imported all the same").exists();
        assertThat(watch.out()).contains("a-models.csv: refused (unbalanced-quote, line 2)")
                .contains("a-tags.csv: refused (models-file-refused)")
                .contains("filed in " + failed("a-models.csv").getParent() + "; report " + failed("a-models.report"));
    }

    @Test
    void rejected_rows_exit_3_and_the_file_is_done() throws Exception {
        drop("models.csv", "name,status\norg/one,active\norg/two,sleeping\n");

        Result watch = watchOnce(catalog("csv"));

        assertThat(watch.exitCode()).isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(done("models.report").resolve("models.errors.csv")).content().contains("sleeping");
        assertThat(watch.out()).contains("models.csv: done-with-rejections, 2 rows read, 1 imported, 1 rejected; "
                + "exit 3");
    }

    @Test
    void a_models_workbook_is_imported_with_the_rules_of_a_csv_file_and_filed_in_done() throws Exception {
        Path workbook = inbox.resolve("acme-models.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook xlsx = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(workbook)) {
            org.apache.poi.ss.usermodel.Sheet sheet = xlsx.createSheet("models");
            String[][] rows = {{"name", "status", "tags"}, {"org/one", "active", "nlp;bert"},
                    {"org/two", "sleeping", ""}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            xlsx.write(out);
        }
        drop("acme-tags.xlsx", "not looked at: a tags workbook is no inbox file");

        Result watch = watchOnce(catalog("csv"));

        assertThat(watch.exitCode()).as(watch.out() + watch.err()).isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(watch.out()).contains("acme-models.xlsx: done-with-rejections, 2 rows read, 1 imported, "
                + "1 rejected; exit 3");
        assertThat(done("acme-models.xlsx")).exists();
        assertThat(done("acme-models.report").resolve("models.errors.csv")).content().contains("sleeping");
        assertThat(inboxFiles()).containsExactly("acme-tags.xlsx");
        assertThat(CatalogBatchCli.rawExport(catalog("csv"), work)).contains("org/one,bert").contains("org/one,nlp");
    }

    @Test
    void a_file_without_its_ready_marker_is_left_alone_when_markers_are_required() throws Exception {
        String halfWritten = "name,description\norg/one,\"the sender is still writi";
        drop("a-models.csv", halfWritten);
        drop("b-models.csv", "name\norg/two\n");
        drop("b-models.csv.ready", "");

        Result watch = watchOnce(catalog("csv"), "--require-ready");

        assertThat(watch.exitCode()).as(watch.out() + watch.err()).isEqualTo(ExitCode.DONE);
        assertThat(inboxFiles()).containsExactly("a-models.csv");
        assertThat(inbox.resolve("a-models.csv")).hasContent(halfWritten);
        assertThat(done("b-models.csv")).exists();
        assertThat(done("b-models.csv.ready")).exists();
    }

    @Test
    void a_failed_run_stays_in_the_inbox_and_the_next_run_resumes_it() throws Exception {
        StringBuilder rows = new StringBuilder("name\n");
        for (int i = 0; i < 50; i++) {
            rows.append(String.format("org/m-%02d%n", i));
        }
        drop("big-models.csv", rows.toString());
        String catalog = catalog("csv");
        System.setProperty("catalog-batch.chunk-size", "10");
        System.setProperty("catalog-batch.fault.fail-after-line", "25");

        Result first = watchOnce(catalog);

        assertThat(first.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(inboxFiles()).containsExactly("big-models.csv");
        assertThat(first.out()).contains("big-models.csv: failed, 20 rows read")
                .contains("left in the inbox, the next attempt resumes it");

        System.clearProperty("catalog-batch.fault.fail-after-line");
        Result second = watchOnce(catalog);

        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(ExitCode.DONE);
        assertThat(inboxFiles()).isEmpty();
        Path report = done("big-models.report");
        assertThat(Files.readAllLines(report.resolve("changes.csv"))).as("each model added once").hasSize(51);
        List<CSVRecord> runs = history(catalog);
        assertThat(runs).extracting(run -> run.get("status")).containsExactly("done", "failed");
        assertThat(runs).extracting(run -> run.get("report")).containsOnly(report.toString());
    }

    /**
     * The race of issue #19: the watcher listed the inbox, found the catalog busy and waited; meanwhile another
     * watcher imported one of the batches. It is passed over, said so, and counts for nothing in the exit code.
     */
    @Test
    void a_batch_another_watcher_took_while_this_one_waited_for_the_catalog_is_passed_over_and_logged()
            throws Exception {
        drop("a-models.csv", "name\norg/a\n");
        drop("a-tags.csv", "model,tag\norg/a,nlp\n");
        drop("b-models.csv", "name,status\norg/b,active\norg/c,sleeping\n");
        String catalog = catalog("csv");
        Result watch;
        try (FaultPause secondLook = FaultPause.at("inbox-listed:2", signals).armHere()) {
            CsvCatalog held = CsvCatalog.openForWriting(Files.createDirectories(Path.of(catalog)));
            FutureTask<Result> watching = startWatchOnce(catalog);
            try {
                secondLook.await(() -> !watching.isDone()); // its first look found the catalog busy
            } finally {
                held.close();
            }
            takenByAnotherWatcher("a-models.csv", "a-tags.csv");
            secondLook.resume();
            watch = watching.get();
        }

        assertThat(watch.exitCode()).as("b-models.csv's rejected row, nothing else: " + watch.out() + watch.err())
                .isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(watch.out())
                .contains("a-models.csv, a-tags.csv: the catalog or the inbox is in use by another run; waiting for it")
                .contains("a-models.csv: taken by another watcher meanwhile; passed over")
                .contains("a-tags.csv: taken by another watcher meanwhile; passed over")
                .contains("b-models.csv: done-with-rejections, 2 rows read, 1 imported, 1 rejected; exit 3");
        assertThat(watch.err()).isEmpty();
        assertThat(history(catalog)).extracting(run -> run.get("files")).containsExactly("b-models.csv");
    }

    /** Another watcher imported a batch after this one saw it ready, before this one claimed the inbox. */
    @Test
    void a_batch_taken_between_the_look_and_its_import_is_passed_over_and_logged() throws Exception {
        drop("a-models.csv", "name\norg/a\n");
        drop("a-tags.csv", "model,tag\norg/a,nlp\n");
        drop("b-models.csv", "name\norg/b\n");
        String catalog = catalog("csv");
        Result watch;
        try (FaultPause chosen = FaultPause.at("batch-chosen", signals).armHere()) {
            FutureTask<Result> watching = startWatchOnce(catalog);
            chosen.await(() -> !watching.isDone());
            takenByAnotherWatcher("a-models.csv", "a-tags.csv");
            chosen.resume();
            watch = watching.get();
        }

        assertThat(watch.exitCode()).as(watch.out() + watch.err()).isEqualTo(ExitCode.DONE);
        assertThat(watch.out()).contains("a-models.csv: taken by another watcher meanwhile; passed over")
                .contains("a-tags.csv: taken by another watcher meanwhile; passed over")
                .contains("b-models.csv: done, 1 rows read");
        assertThat(inboxFiles()).isEmpty();
        assertThat(history(catalog)).extracting(run -> run.get("files")).containsExactly("b-models.csv");
    }

    @Test
    void usage_errors_exit_2_and_say_what_to_write() throws Exception {
        Result noInbox = CatalogBatchCli.run("watch", "--inbox", work.resolve("nowhere").toString(), "--once");
        assertThat(noInbox.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noInbox.err()).contains("nowhere is not a folder");

        Result badCron = CatalogBatchCli.run("watch", "--inbox", inbox.toString(), "--cron", "at two");
        assertThat(badCron.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badCron.err()).contains("\"0 0 2 * * *\" for 02:00 every day");

        Result both = CatalogBatchCli.run("watch", "--inbox", inbox.toString(), "--cron", "0 0 2 * * *", "--once");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("mutually exclusive");

        Result badSettle = CatalogBatchCli.run("watch", "--inbox", inbox.toString(), "--settle", "soon");
        assertThat(badSettle.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badSettle.err()).contains("like 500ms, 30s, 5m or 1h");
        assertThat(inboxFiles()).isEmpty();
    }

    @Test
    void import_takes_a_tags_file_alone_and_needs_one_of_the_two() throws Exception {
        String catalog = catalog("csv");
        Path models = drop("m.csv", "name\norg/one\n");
        assertThat(CatalogBatchCli.run("import", "--catalog", catalog, "--models", models.toString()).exitCode())
                .isEqualTo(ExitCode.DONE);
        Path tags = drop("t.csv", "model,tag\norg/one,nlp\norg/nobody,nlp\n");

        Result alone = CatalogBatchCli.run("import", "--catalog", catalog, "--tags", tags.toString());

        assertThat(alone.exitCode()).as(alone.err()).isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(alone.out()).contains("t.csv: 2 rows read, 1 imported, 1 rejected").doesNotContain("m.csv");
        assertThat(exportedTags(catalog)).containsExactly("model,tag", "org/one,nlp");

        Result neither = CatalogBatchCli.run("import", "--catalog", catalog);
        assertThat(neither.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(neither.err()).contains("give --models FILE, --tags FILE, or both");
    }
}

package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.csv.CsvCatalog;
import io.catalogbatch.catalog.entrypoints.watch.Inbox;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.WriterLock;
import io.catalogbatch.shared.faults.FaultPause;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} and {@code import} as real processes: files arriving while the watcher runs, SIGTERM between
 * imports and in the middle of one (the next start resumes), two watchers on one inbox, and a busy catalog.
 */
class WatchProcessIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    static final int BIG = 20_000;
    static final List<String> SMALL_CHUNKS = List.of("-Dcatalog-batch.chunk-size=10");

    @TempDir
    Path work;

    Path inbox(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }

    static Path drop(Path inbox, String name, String content) throws IOException {
        return Files.writeString(inbox.resolve(name), content);
    }

    static String bigModels() {
        StringBuilder rows = new StringBuilder("name,description\n");
        for (int i = 0; i < BIG; i++) {
            rows.append(String.format("org/model-%05d,model number %d%n", i, i));
        }
        return rows.toString();
    }

    /** Where a file went under {@code done/<date>/} or {@code failed/<date>/}, if it went there. */
    static Optional<Path> filed(Path inbox, String outcome, String name) {
        Path root = inbox.resolve(outcome);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(file -> file.getFileName().toString().equals(name)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report folder of the run under way in the inbox (not filed yet). */
    static Path reportUnderWay(Path inbox) throws IOException {
        try (Stream<Path> folders = Files.list(inbox.resolve(Inbox.WORK_FOLDER).resolve("reports"))) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).as("report folders under way").hasSize(1);
            return all.get(0);
        }
    }

    /**
     * Whether the run's log says its stop is recorded: from then on the job ends after the chunk it is in, so
     * a test may let it go on without a race between the signal and the rest of the import.
     */
    static boolean stopRecorded(Path report) {
        Path log = report.resolve("run.log");
        try {
            return Files.exists(log)
                    && new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains("Stop requested");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> jvmOptions(List<String> some, List<String> more) {
        return Stream.concat(some.stream(), more.stream()).toList();
    }

    static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            return 0; // being written
        }
    }

    List<CSVRecord> history(String catalog) throws IOException {
        Result history = CatalogBatchCli.run("history", "--catalog", catalog, "--csv", "--limit", "0");
        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.DONE);
        return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(history.out())).getRecords();
    }

    @Test
    void imports_files_that_arrive_while_it_runs_and_exits_0_on_sigterm_between_imports() throws Exception {
        Path inbox = inbox("inbox");
        String catalog = work.resolve("catalog").toString();
        // Markers say when a file is whole, not the settle period: that would pair the two files of a pair only
        // if the test wrote the second before the first had settled, which a busy machine does not promise.
        try (CatalogBatchProcess watcher = CatalogBatchProcess.start(work, List.of(), "watch", "--inbox", "inbox",
                "--catalog", "catalog", "--poll", "200ms", "--require-ready")) {
            watcher.awaitOutput("watching");

            drop(inbox, "monday-models.csv", "name\norg/one\norg/two\n");
            drop(inbox, "monday-tags.csv", "model,tag\norg/one,nlp\n");
            drop(inbox, "monday-models.csv.ready", "");
            drop(inbox, "monday-tags.csv.ready", "");
            watcher.await(() -> filed(inbox, "done", "monday-tags.csv").isPresent(), "monday's files filed");
            drop(inbox, "tuesday-tags.csv", "model,tag\norg/two,vision\n");
            drop(inbox, "tuesday-tags.csv.ready", "");
            watcher.await(() -> filed(inbox, "done", "tuesday-tags.csv").isPresent(), "tuesday's file filed");
            watcher.awaitOutput("tuesday-tags.csv: done");

            watcher.terminate();

            assertThat(watcher.waitFor()).as(watcher.toString()).isEqualTo(ExitCode.DONE);
            assertThat(watcher.out()).contains("monday-models.csv: done, 2 rows read")
                    .contains("monday-tags.csv: done, 1 rows read").contains("stopped");
            assertThat(watcher.err()).isEmpty();
        }
        assertThat(history(catalog)).extracting(run -> run.get("files") + " " + run.get("status"))
                .containsExactly("tuesday-tags.csv done", "monday-models.csv, monday-tags.csv done");
    }

    @Test
    void sigterm_in_the_middle_of_an_import_stops_after_the_chunk_and_the_next_start_resumes() throws Exception {
        Path inbox = inbox("inbox");
        drop(inbox, "big-models.csv", bigModels());
        String catalog = work.resolve("catalog").toString();
        FaultPause thirdChunk = FaultPause.at("row-handled:25", work.resolve("signals"));
        Path report;
        try (CatalogBatchProcess watcher = CatalogBatchProcess.start(work, jvmOptions(SMALL_CHUNKS,
                thirdChunk.jvmOptions()), "watch", "--inbox", "inbox", "--catalog", "catalog", "--poll", "200ms",
                "--settle", "0")) {
            watcher.await(thirdChunk::reached, "an import in its third chunk");
            report = reportUnderWay(inbox);

            watcher.terminate();
            watcher.await(() -> stopRecorded(report), "the stop recorded in " + report.resolve("run.log"));
            thirdChunk.resume();

            assertThat(watcher.waitFor()).as(watcher.toString()).isEqualTo(ExitCode.DONE);
            assertThat(watcher.out()).contains("big-models.csv: stopped, 30 rows read")
                    .contains("left in the inbox, the next attempt resumes it; report " + report);
        }
        assertThat(inbox.resolve("big-models.csv")).exists();
        RunSummary stopped = RunSummary.read(report.resolve("summary.json"));
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.files().get(0).read()).as("rows of the chunk it was in, and before").isEqualTo(30);
        assertThat(stopped.files().get(0).skipped()).as("rows not reached").isPositive();
        assertThat(lines(report.resolve("changes.csv")) - 1).isEqualTo(stopped.files().get(0).read());

        Result resumed = CatalogBatchCli.run("watch", "--inbox", inbox.toString(), "--catalog", catalog, "--once",
                "--settle", "0");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(ExitCode.DONE);
        Path filedReport = filed(inbox, "done", "big-models.report").orElseThrow();
        assertThat(lines(filedReport.resolve("changes.csv"))).as("every model added once").isEqualTo(BIG + 1);
        assertThat(lines(work.resolve("catalog/models.csv"))).isEqualTo(BIG + 1);
        assertThat(history(catalog)).extracting(run -> run.get("status")).containsExactly("done", "stopped");
    }

    @Test
    void sigterm_stops_a_plain_import_after_its_chunk_and_the_same_command_resumes_it() throws Exception {
        Path models = drop(work, "big-models.csv", bigModels());
        Path report = work.resolve("report");
        FaultPause thirdChunk = FaultPause.at("row-handled:25", work.resolve("signals"));
        try (CatalogBatchProcess running = CatalogBatchProcess.start(work, jvmOptions(SMALL_CHUNKS,
                thirdChunk.jvmOptions()), "import", "--models", "big-models.csv", "--catalog", "catalog", "--report",
                "report")) {
            running.await(thirdChunk::reached, "the import in its third chunk");

            running.terminate();
            running.await(() -> stopRecorded(report), "the stop recorded in " + report.resolve("run.log"));
            thirdChunk.resume();

            assertThat(running.waitFor()).as(running.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(running.err()).contains("Stopped on request after the last committed chunk; run the same "
                    + "command again to resume.").doesNotContain("Exception");
        }
        RunSummary stopped = RunSummary.read(report.resolve("summary.json"));
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.files().get(0).read()).as("rows of the chunk it was in, and before").isEqualTo(30);

        Result resumed = CatalogBatchCli.run("import", "--models", models.toString(), "--catalog",
                work.resolve("catalog").toString(), "--report", report.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCode.DONE);
        assertThat(lines(report.resolve("changes.csv"))).isEqualTo(BIG + 1);
        assertThat(lines(work.resolve("catalog/models.csv"))).isEqualTo(BIG + 1);
    }

    /**
     * The race of issue #19, reached on purpose: a watcher on another inbox holds the catalog (paused in its
     * import); a watcher on the shared inbox lists it, finds the catalog busy and waits (paused at its next look,
     * after the listing); a second watcher on the shared inbox waits its turn too, then imports every batch once
     * the catalog is free. The first, let go only then, finds the files it listed gone: it passes them over, says
     * so, and exits by what it did itself (nothing).
     */
    @Test
    void a_watcher_passes_over_the_batches_another_took_while_both_waited_for_the_catalog_and_none_is_taken_twice()
            throws Exception {
        Path shared = inbox("shared");
        Path other = inbox("other");
        int batches = 4;
        for (int i = 0; i < batches; i++) {
            drop(shared, "batch" + i + "-models.csv", "name\norg/shared-" + i + "\n");
            drop(shared, "batch" + i + "-tags.csv", "model,tag\norg/shared-" + i + ",nlp\n");
        }
        drop(other, "other-models.csv", "name\norg/other\n");
        FaultPause importing = FaultPause.at("row-handled", work.resolve("signals-holder"));
        FaultPause secondLook = FaultPause.at("inbox-listed:2", work.resolve("signals-late"));
        List<CatalogBatchProcess> started = new ArrayList<>();
        try {
            CatalogBatchProcess holder = watchOnce(started, importing.jvmOptions(), "other");
            holder.await(importing::reached, "the catalog held by an import");
            CatalogBatchProcess late = watchOnce(started, secondLook.jvmOptions(), "shared");
            late.await(secondLook::reached, "the second look of a watcher that found the catalog busy");
            for (int i = 0; i < batches; i++) {
                assertThat(late.out()).contains("batch" + i + "-models.csv, batch" + i + "-tags.csv: the catalog or "
                        + "the inbox is in use by another run; waiting for it");
            }
            CatalogBatchProcess prompt = watchOnce(started, List.of(), "shared");
            prompt.awaitOutput("waiting for it");

            importing.resume();
            assertThat(holder.waitFor()).as(holder.toString()).isEqualTo(ExitCode.DONE);
            assertThat(prompt.waitFor()).as(prompt.toString()).isEqualTo(ExitCode.DONE);
            secondLook.resume();
            assertThat(late.waitFor()).as(late.toString()).isEqualTo(ExitCode.DONE);

            assertThat(holder.out()).contains("other-models.csv: done, 1 rows read");
            for (int i = 0; i < batches; i++) {
                for (String file : List.of("batch" + i + "-models.csv", "batch" + i + "-tags.csv")) {
                    assertThat(filed(shared, "done", file)).as(file).isPresent();
                    assertThat(prompt.out().lines().filter(line -> line.contains(" " + file + ": done")))
                            .as(file + " imported once").hasSize(1);
                    assertThat(late.out()).contains(" " + file + ": taken by another watcher meanwhile; passed over");
                }
            }
            assertThat(late.out()).doesNotContain(": done");
            assertThat(late.err()).doesNotContain("failed");
        } finally {
            started.forEach(CatalogBatchProcess::close);
        }
        List<CSVRecord> runs = history(work.resolve("catalog").toString());
        assertThat(runs).as("one run per batch, none twice").hasSize(batches + 1);
        assertThat(runs).extracting(run -> run.get("status")).containsOnly("done");
        assertThat(lines(work.resolve("catalog/models.csv"))).isEqualTo(batches + 2);
    }

    /** Starts {@code watch --once} on an inbox in the work folder, into its catalog, and adds it to the list. */
    CatalogBatchProcess watchOnce(List<CatalogBatchProcess> started, List<String> jvmOptions, String inbox) {
        CatalogBatchProcess watcher = CatalogBatchProcess.start(work, jvmOptions, "watch", "--inbox", inbox,
                "--catalog", "catalog", "--once", "--settle", "0", "--poll", "100ms");
        started.add(watcher);
        return watcher;
    }

    @Test
    void a_busy_catalog_is_waited_for_and_nothing_is_moved_meanwhile() throws Exception {
        Path inbox = inbox("inbox");
        drop(inbox, "a-models.csv", "name\norg/one\n");
        Path catalog = Files.createDirectories(work.resolve("catalog"));
        CsvCatalog held = CsvCatalog.openForWriting(catalog);
        try (CatalogBatchProcess watcher = CatalogBatchProcess.start(work, List.of(), "watch", "--inbox", "inbox",
                "--catalog", "catalog", "--once", "--settle", "0", "--poll", "200ms")) {
            try {
                watcher.awaitOutput("a-models.csv: the catalog or the inbox is in use by another run; waiting for it");
                assertThat(inbox.resolve("a-models.csv")).exists();
            } finally {
                held.close();
            }

            assertThat(watcher.waitFor()).as(watcher.toString()).isEqualTo(ExitCode.DONE);
            assertThat(watcher.out()).contains("a-models.csv: done, 1 rows read");
        }
        assertThat(filed(inbox, "done", "a-models.csv")).isPresent();
    }

    /**
     * A PostgreSQL catalog is held by its writer lock, an advisory lock of the writing run's session (here the
     * test's own): the watcher waits for it as for a busy folder, and imports once the session let it go.
     */
    @Test
    void a_busy_postgres_catalog_is_waited_for_and_nothing_is_moved_meanwhile() throws Exception {
        String catalog = postgres.create();
        Path inbox = inbox("inbox");
        drop(inbox, "a-models.csv", "name\norg/one\n");
        try (Connection holder = DriverManager.getConnection(catalog)) {
            try (Statement lock = holder.createStatement()) {
                lock.execute("select pg_advisory_lock(" + WriterLock.KEY + ")");
            }
            try (CatalogBatchProcess watcher = CatalogBatchProcess.start(work, List.of(), "watch", "--inbox",
                    "inbox", "--catalog", catalog, "--once", "--settle", "0", "--poll", "200ms")) {
                try {
                    watcher.awaitOutput("a-models.csv: the catalog or the inbox is in use by another run; "
                            + "waiting for it");
                    assertThat(inbox.resolve("a-models.csv")).exists();
                } finally {
                    holder.close(); // the session ends, and its lock with it
                }
                assertThat(watcher.waitFor()).as(watcher.toString()).isEqualTo(ExitCode.DONE);
                assertThat(watcher.out()).contains("a-models.csv: done, 1 rows read");
            }
        }
        assertThat(filed(inbox, "done", "a-models.csv")).isPresent();
    }
}

package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.remote.RemoteReportFolder;
import io.catalogbatch.shared.faults.FaultPause;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import io.catalogbatch.shared.services.BrokerQueues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Issue #23: an import whose steps run on worker processes (the built jar, copied first) through a real RabbitMQ
 * broker, into a real PostgreSQL catalog, ends as the same import in one process: raw export, errors files, summary
 * counts and exit code. And the faults: a worker killed in the middle of its partition (another takes the request
 * on), the manager killed while a worker runs (the same command refuses to recover under the live worker, then
 * resumes), a request left by a killed manager (dropped as stale), an unreadable message (dead-lettered), a worker
 * that finds another file than the manager checked (the manager's summary says so). Moments are reached through
 * fault points, never by the clock. Each test has queues of its own.
 */
class ScaleOutIT {

    private static final int MODELS = 1_500;
    private static final List<String> SMALL_CHUNKS = List.of("-Dcatalog-batch.chunk-size=100");
    /** Half-way through the models file, chunks of 100 rows: 700 rows committed. */
    private static final String MID_MODELS = "row-handled:750";

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @RegisterExtension
    final BrokerQueues broker = new BrokerQueues();

    @TempDir
    Path work;

    private static Path jarCopy;

    private Path models;
    private Path tags;
    private String queue;
    private FaultPause midModels;
    /** A reference catalog, the one-process import of the files into it, and the catalog of the partitioned one. */
    private String reference;
    private Result one;
    private String catalog;

    @BeforeAll
    static void copyJar() throws IOException {
        // A long-lived JVM crashes when its jar is rebuilt under it.
        if (CatalogBatchProcess.builtJar().isPresent()) {
            Path folder = Files.createTempDirectory("catalog-batch-jar");
            jarCopy = Files.copy(CatalogBatchProcess.builtJar().get(), folder.resolve("catalog-batch.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void deleteJar() throws IOException {
        if (jarCopy != null) {
            Files.deleteIfExists(jarCopy);
            Files.deleteIfExists(jarCopy.getParent());
        }
    }

    @BeforeEach
    void files() throws IOException {
        queue = broker.create();
        models = work.resolve("models.csv");
        tags = work.resolve("tags.csv");
        writeModels(models);
        writeTags(tags);
        midModels = FaultPause.at(MID_MODELS, work.resolve("signals"));
    }

    /** A worker killed in a partition leaves its report folder, which the next partition's restore makes anew. */
    @AfterEach
    void deleteWorkersReportFolders() {
        for (String report : List.of("partitioned", "partitioned-merge", "partitioned-replace")) {
            FileUtils.deleteQuietly(RemoteReportFolder.scratchFor(work.resolve(report).toString()).toFile());
        }
    }

    private void importInOneProcess() {
        reference = postgres.create();
        catalog = postgres.create();
        one = CatalogBatchCli.run(importArgs(reference, "one"));
    }

    @Test
    void a_partitioned_import_ends_as_the_import_in_one_process_in_merge_and_replace_mode() throws Exception {
        reference = postgres.create();
        catalog = postgres.create();
        try (CatalogBatchProcess worker = startWorker(catalog, List.of())) {
            worker.awaitOutput("worker: taking partitions");
            for (String mode : List.of("merge", "replace")) {
                Result one = CatalogBatchCli.run(importArgs(reference, "one-" + mode, "--mode", mode));
                Result partitioned = CatalogBatchCli.run(importArgs(catalog, "partitioned-" + mode, "--mode", mode,
                        "--broker", BrokerQueues.url(), "--queue", queue));
                assertThat(one.exitCode()).as(one.err()).isEqualTo(ExitCode.REJECTED_ROWS);
                assertSameRun(partitioned, one, "partitioned-" + mode, "one-" + mode);
                assertThat(export(catalog)).isEqualTo(export(reference));
            }
            assertThat(worker.err()).contains("worker: running partition importModelsPart:whole",
                    "worker: running partition importTagsPart:whole");

            broker.publishUnreadable(queue, "not a partition request");
            assertThat(broker.awaitMessage(queue + ".dead", worker::isAlive)).isEqualTo("not a partition request");
            assertThat(worker.isAlive()).isTrue();
        }
    }

    @Test
    void a_worker_killed_in_the_middle_of_its_partition_leaves_it_to_another_worker() throws Exception {
        importInOneProcess();
        List<String> pausedMidModels = new ArrayList<>(SMALL_CHUNKS);
        pausedMidModels.add("-Dcatalog-batch.fault.pause-at=" + MID_MODELS);
        try (CatalogBatchProcess first = startWorker(catalog, pausedMidModels);
             CatalogBatchProcess manager = startManager(catalog, List.of())) {
            first.awaitOutput("fault point row-handled reached");
            try (CatalogBatchProcess second = startWorker(catalog, SMALL_CHUNKS)) {
                second.awaitOutput("worker: taking partitions");
                first.kill();
                first.waitFor();
                int status = manager.waitFor();
                assertSameRun(new Result(status, manager.out(), manager.err()), one, "partitioned", "one");
                assertThat(second.err()).contains("worker: partition importModelsPart:whole of run");
            }
        }
        assertThat(export(catalog)).isEqualTo(export(reference));
    }

    @Test
    void the_manager_killed_is_resumed_by_the_same_command_but_never_under_a_live_worker() throws Exception {
        importInOneProcess();
        List<String> jvm = smallChunksAnd(midModels);
        String[] partitioned = partitioned(catalog);
        try (CatalogBatchProcess worker = startWorker(catalog, jvm)) {
            try (CatalogBatchProcess manager = startManager(catalog, List.of())) {
                midModels.await(worker::isAlive);
                manager.kill();
                manager.waitFor();
            }
            Result underLiveWorker = CatalogBatchCli.run(partitioned);
            assertThat(underLiveWorker.exitCode()).as(underLiveWorker.err()).isEqualTo(ExitCode.FAILED);
            assertThat(underLiveWorker.err()).contains("partition importModelsPart:whole of the interrupted run is"
                    + " still being run by the worker on").doesNotContain("\tat ");

            midModels.resume(); // its next commit finds its manager gone: the partition stops at its last commit
            worker.awaitOutput("ended FAILED");
            Result resumed = CatalogBatchCli.run(partitioned);
            assertSameRun(resumed, one, "partitioned", "one");
            assertThat(worker.isAlive()).isTrue();
        }
        assertThat(export(catalog)).isEqualTo(export(reference));
    }

    @Test
    void a_request_delivered_again_while_a_worker_runs_its_partition_waits_for_it_and_is_dropped() throws Exception {
        // What the broker's acknowledgement timeout does (RabbitMQ 3.10 sets it for the whole broker only): the same
        // request delivered to a second worker while the first still runs the partition.
        importInOneProcess();
        List<String> jvm = smallChunksAnd(midModels);
        try (CatalogBatchProcess first = startWorker(catalog, jvm);
             CatalogBatchProcess manager = startManager(catalog, List.of())) {
            midModels.await(first::isAlive);
            try (CatalogBatchProcess second = startWorker(catalog, SMALL_CHUNKS)) {
                second.awaitOutput("worker: taking partitions");
                long partition = stepExecutionId(catalog, "importModelsPart:whole");
                broker.publish(queue, new StepExecutionRequest("importModelsPart", partition));
                second.await(() -> claimWaited(catalog), "the second worker waiting for the partition's claim");
                midModels.resume();
                int status = manager.waitFor();
                assertSameRun(new Result(status, manager.out(), manager.err()), one, "partitioned", "one");
                second.awaitOutput("worker: dropped the request for partition importModelsPart (step execution "
                        + partition + "): it is already completed");
                assertThat(second.err()).doesNotContain("worker: running partition importModelsPart");
            }
        }
        assertThat(export(catalog)).isEqualTo(export(reference));
    }

    @Test
    void a_worker_stopped_by_sigterm_ends_its_chunk_and_the_same_import_resumes_the_partition() throws Exception {
        importInOneProcess();
        List<String> jvm = smallChunksAnd(midModels);
        String[] partitioned = partitioned(catalog);
        try (CatalogBatchProcess worker = startWorker(catalog, jvm);
             CatalogBatchProcess manager = startManager(catalog, List.of())) {
            midModels.await(worker::isAlive);
            worker.terminate();
            worker.awaitOutput("worker: stopping after the running chunk");
            midModels.resume();
            assertThat(worker.waitFor()).as(worker.toString()).isEqualTo(ExitCode.DONE);
            assertThat(worker.err()).contains("worker: partition importModelsPart:whole of run")
                    .contains("ended STOPPED");
            assertThat(manager.waitFor()).as(manager.toString()).isEqualTo(ExitCode.FAILED);
        }
        try (CatalogBatchProcess worker = startWorker(catalog, SMALL_CHUNKS)) {
            Result resumed = CatalogBatchCli.run(partitioned);
            assertSameRun(resumed, one, "partitioned", "one");
        }
        assertThat(export(catalog)).isEqualTo(export(reference));
    }

    @Test
    void a_request_left_by_a_killed_manager_is_dropped_and_the_same_command_completes_the_run() throws Exception {
        importInOneProcess();
        String[] partitioned = partitioned(catalog);
        List<String> pausedAfterSending = List.of("-Dcatalog-batch.fault.pause-at=partition-request-sent");
        try (CatalogBatchProcess manager = startManager(catalog, pausedAfterSending)) {
            manager.awaitOutput("fault point partition-request-sent reached");
            manager.kill();
            manager.waitFor();
        }
        assertThat(broker.messages(queue)).isEqualTo(1L);
        try (CatalogBatchProcess worker = startWorker(catalog, List.of())) {
            Result resumed = CatalogBatchCli.run(partitioned);
            assertSameRun(resumed, one, "partitioned", "one");
            assertThat(worker.err()).contains("worker: dropped the request for partition importModelsPart");
        }
        assertThat(export(catalog)).isEqualTo(export(reference));
    }

    @Test
    void a_worker_that_finds_another_file_than_the_manager_checked_fails_its_partition_and_the_summary_says_so()
            throws Exception {
        catalog = postgres.create();
        FaultPause claimed = FaultPause.at("partition-claimed", work.resolve("signals"));
        try (CatalogBatchProcess worker = startWorker(catalog, claimed.jvmOptions());
             CatalogBatchProcess manager = startManager(catalog, List.of())) {
            claimed.await(worker::isAlive);
            Files.writeString(models, "org/written-later,after the check\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            claimed.resume();
            assertThat(manager.waitFor()).as(manager.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(manager.err()).contains("partition importModelsPart:whole failed on the worker on")
                    .contains("finds other contents in the models file " + models.toAbsolutePath())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void a_broker_that_does_not_answer_is_said_at_once() {
        catalog = postgres.create();
        String nowhere = "amqp://127.0.0.1:1";
        Result manager = CatalogBatchCli.run(importArgs(catalog, "partitioned", "--broker", nowhere));
        assertThat(manager.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(manager.err()).contains("cannot reach the broker amqp://guest@127.0.0.1:1: ")
                .doesNotContain("\tat ");
        Result worker = CatalogBatchCli.run("worker", "--catalog", catalog, "--broker", nowhere);
        assertThat(worker.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(worker.err()).contains("catalog-batch: worker failed: cannot reach the broker"
                + " amqp://guest@127.0.0.1:1: ");
    }

    private static long stepExecutionId(String catalog, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(catalog);
             PreparedStatement query = connection.prepareStatement("select max(step_execution_id) from"
                     + " batch_step_execution where step_name = ?")) {
            query.setString(1, name);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }

    /** Whether a session waits for an advisory lock (a partition's claim) in the catalog's database. */
    private static boolean claimWaited(String catalog) {
        try (Connection connection = DriverManager.getConnection(catalog);
             PreparedStatement query = connection.prepareStatement("select exists(select 1 from pg_locks where"
                     + " locktype = 'advisory' and not granted and objsubid = 2"
                     + " and database = (select oid from pg_database where datname = current_database()))");
             ResultSet found = query.executeQuery()) {
            found.next();
            return found.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The import as a manager on this test's queue. */
    private String[] partitioned(String catalog) {
        return importArgs(catalog, "partitioned", "--broker", BrokerQueues.url(), "--queue", queue);
    }

    private CatalogBatchProcess startManager(String catalog, List<String> jvmOptions) {
        return CatalogBatchProcess.start(work, jvmOptions, jarCopy, partitioned(catalog));
    }

    /** Small chunks, and a pause in the middle of the models file, resumed when the test says. */
    private static List<String> smallChunksAnd(FaultPause pause) {
        List<String> jvm = new ArrayList<>(SMALL_CHUNKS);
        jvm.addAll(pause.jvmOptions());
        return jvm;
    }

    private CatalogBatchProcess startWorker(String catalog, List<String> jvmOptions) {
        return CatalogBatchProcess.start(work, jvmOptions, jarCopy, "worker", "--catalog", catalog, "--broker",
                BrokerQueues.url(), "--queue", queue);
    }

    private String[] importArgs(String catalog, String report, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "--catalog", catalog, "--models", models.toString(),
                "--tags", tags.toString(), "--report", work.resolve(report).toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Same exit code, same errors files byte for byte, same summary but for the catalog, times and folders. */
    private void assertSameRun(Result partitioned, Result one, String partitionedReport, String oneReport)
            throws IOException {
        assertThat(partitioned.exitCode()).as(partitioned.out() + partitioned.err()).isEqualTo(one.exitCode());
        for (String file : List.of("models.errors.csv", "tags.errors.csv")) {
            assertThat(work.resolve(partitionedReport).resolve(file)).as(file)
                    .hasSameBinaryContentAs(work.resolve(oneReport).resolve(file));
        }
        assertThat(comparable(work.resolve(partitionedReport))).isEqualTo(comparable(work.resolve(oneReport)));
    }

    private static String comparable(Path report) throws IOException {
        return Files.readString(report.resolve("summary.json"))
                .replaceAll("\"(catalog|started|finished|duration_seconds|report_folder)\"\\s*:\\s*"
                        + "(\"[^\"]*\"|[0-9.eE+-]+)", "\"$1\": ...");
    }

    private String export(String catalog) throws IOException {
        return CatalogBatchCli.rawExport(catalog, work);
    }

    /**
     * Models in file order with what the file-order rules act on: repeated keys in another case (first row wins),
     * successors naming a later row and one closing a cycle among new models, rejected values.
     */
    private static void writeModels(Path file) throws IOException {
        StringBuilder rows = new StringBuilder("name,description,task,framework,license,url,created,status,"
                + "successor,tags\n");
        for (int i = 0; i < MODELS; i++) {
            String name = "org-" + (i % 7) + "/model-" + i;
            String successor = i % 37 == 5 && i + 10 < MODELS ? "org-" + ((i + 10) % 7) + "/model-" + (i + 10) : "";
            String status = i % 89 == 3 ? "retired" : successor.isEmpty() ? "active" : "deprecated";
            String created = i % 97 == 7 ? "2024-13-45" : "2023-" + String.format("%02d", i % 12 + 1) + "-01";
            rows.append(String.format("%s,\"Model %d, \"\"quoted\"\"\",task-%d,pytorch,mit,https://example.org/%d,%s,"
                    + "%s,%s,t%d;team:%d%n", name, i, i % 4, i, created, status, successor, i % 5, i % 3));
            if (i % 50 == 10) {
                rows.append(String.format("ORG-%d/Model-%d,a later row of the same key,,,,,,,,late%n", i % 7, i));
            }
        }
        rows.append("org-a/cycle-one,,,,,,,deprecated,org-b/cycle-two,\n");
        rows.append("org-b/cycle-two,,,,,,,deprecated,org-a/cycle-one,\n");
        Files.writeString(file, rows, StandardCharsets.UTF_8);
    }

    /** Tags rows: adds, removes, repeated (model, tag) pairs, unknown models, bad tags. */
    private static void writeTags(Path file) throws IOException {
        StringBuilder rows = new StringBuilder("model,tag,action\n");
        for (int i = 0; i < MODELS; i += 3) {
            rows.append(String.format("org-%d/model-%d,extra-%d,add%n", i % 7, i, i % 11));
            if (i % 2 == 0) {
                rows.append(String.format("org-%d/model-%d,t%d,remove%n", i % 7, i, i % 5));
            }
            if (i % 30 == 0) {
                rows.append(String.format("ORG-%d/MODEL-%d,Extra-%d,remove%n", i % 7, i, i % 11));
                rows.append(String.format("org-%d/nobody-%d,extra,add%n", i % 7, i));
                rows.append(String.format("org-%d/model-%d,bad tag with spaces and \u0007,add%n", i % 7, i));
            }
        }
        Files.writeString(file, rows, StandardCharsets.UTF_8);
    }
}

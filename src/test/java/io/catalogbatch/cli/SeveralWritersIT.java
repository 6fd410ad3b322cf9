package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.shared.faults.FaultPause;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #22 item 2: two imports of overlapping files started together into one PostgreSQL catalog, as real
 * processes, ten rounds in fresh databases. Each either runs or is refused with the busy catalog's message (never
 * the server's raw error), and once the refused one runs again the catalog is the one the two make run one after
 * the other, in the order they completed. In every other round the first is paused just after it took the writer
 * lock and the second is started then, so that the overlap is certain there; in the others they race freely.
 */
class SeveralWritersIT {

    private static final int ROUNDS = 10;
    private static final int MODELS = 400;
    private static final String IN_USE = "is in use by another catalog-batch run; wait for it to finish and try again";
    /** What the server or Spring Batch say when two writers interleave unsafely, or any stack trace. */
    private static final List<String> RAW_ERRORS = List.of("ERROR:", "duplicate key", "wrong version",
            "Exception", "\tat ");

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path work;

    @Test
    void two_imports_started_together_end_as_the_two_run_one_after_the_other() throws IOException {
        writeInput("a", 0, "first");
        writeInput("b", MODELS / 2, "second");
        String abCatalog = postgres.create();
        String baCatalog = postgres.create();
        importInProcess(abCatalog, "a");
        importInProcess(abCatalog, "b");
        importInProcess(baCatalog, "b");
        importInProcess(baCatalog, "a");
        String afterAb = export(abCatalog);
        String afterBa = export(baCatalog);
        assertThat(afterAb).as("the two orders must be told apart").isNotEqualTo(afterBa);

        List<String> rounds = new ArrayList<>();
        int refusals = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String catalog = postgres.create();
            boolean paused = round % 2 == 0;
            Result a;
            Result b;
            if (paused) {
                FaultPause locked = FaultPause.at("writer-locked", work.resolve("signals-" + round));
                try (CatalogBatchProcess first = start(catalog, "a", locked.jvmOptions())) {
                    locked.await(first::isAlive);
                    try (CatalogBatchProcess second = start(catalog, "b", List.of())) {
                        b = ended(second);
                    }
                    locked.resume();
                    a = ended(first);
                }
            } else {
                try (CatalogBatchProcess first = start(catalog, "a", List.of());
                     CatalogBatchProcess second = start(catalog, "b", List.of())) {
                    a = ended(first);
                    b = ended(second);
                }
            }
            for (Result each : List.of(a, b)) {
                assertThat(each.exitCode()).as(each.out() + each.err()).isIn(ExitCode.DONE, ExitCode.FAILED);
                if (each.exitCode() == ExitCode.FAILED) {
                    assertThat(each.err()).as("round %d", round).contains(IN_USE);
                }
                for (String raw : RAW_ERRORS) {
                    assertThat(each.out() + each.err()).as("round %d", round).doesNotContain(raw);
                }
            }
            assertThat(a.exitCode() + b.exitCode()).as("round %d: at least one runs", round)
                    .isLessThan(2 * ExitCode.FAILED);
            if (paused) {
                assertThat(b.exitCode()).as("round %d: the second, started under the first's lock", round)
                        .isEqualTo(ExitCode.FAILED);
            }
            List<String> refused = new ArrayList<>();
            if (a.exitCode() == ExitCode.FAILED) {
                refused.add("a");
            }
            if (b.exitCode() == ExitCode.FAILED) {
                refused.add("b");
            }
            refusals += refused.size();
            for (String again : refused) {
                importInProcess(catalog, again);
            }
            List<String> order = completionOrder(catalog);
            assertThat(export(catalog)).as("round %d, in the order %s", round, order)
                    .isEqualTo(order.equals(List.of("a", "b")) ? afterAb : afterBa);
            rounds.add(order + (refused.isEmpty() ? "" : " refused " + refused));
        }
        System.out.printf("SeveralWritersIT: %s%n", rounds);
        assertThat(refusals).isGreaterThanOrEqualTo(ROUNDS / 2);
    }

    /** {@code NAME-models.csv} and {@code NAME-tags.csv}: models {@code from} .. {@code from + MODELS - 1}. */
    private void writeInput(String name, int from, String words) throws IOException {
        StringBuilder models = new StringBuilder("name,description,task\n");
        StringBuilder tags = new StringBuilder("model,tag\n");
        for (int i = from; i < from + MODELS; i++) {
            models.append(String.format("org/model-%04d,%s description of %d,%s%n", i, words, i, name + "-task"));
            tags.append(String.format("org/model-%04d,from-%s%n", i, name));
            tags.append(String.format("org/model-%04d,shared%n", i));
        }
        Files.writeString(work.resolve(name + "-models.csv"), models, StandardCharsets.UTF_8);
        Files.writeString(work.resolve(name + "-tags.csv"), tags, StandardCharsets.UTF_8);
    }

    private String[] importArgs(String catalog, String name) {
        return new String[] {"import", "--catalog", catalog, "--models", work.resolve(name + "-models.csv").toString(),
                "--tags", work.resolve(name + "-tags.csv").toString(), "--report",
                work.resolve("runs").toString()};
    }

    private CatalogBatchProcess start(String catalog, String name, List<String> jvmOptions) {
        String[] args = importArgs(catalog, name);
        args[args.length - 1] = work.resolve("runs").resolve(name + "-" + Long.toHexString(System.nanoTime()))
                .toString();
        return CatalogBatchProcess.start(work, jvmOptions, args);
    }

    private static Result ended(CatalogBatchProcess process) {
        int status = process.waitFor();
        return new Result(status, process.out(), process.err());
    }

    private void importInProcess(String catalog, String name) {
        String[] args = importArgs(catalog, name);
        args[args.length - 1] = work.resolve("runs").resolve(name + "-" + Long.toHexString(System.nanoTime()))
                .toString();
        Result result = CatalogBatchCli.run(args);
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.DONE);
    }

    /** The imports that ran, oldest first ({@code a}, {@code b}), from the catalog's history. */
    private static List<String> completionOrder(String catalog) throws IOException {
        Result history = CatalogBatchCli.run("history", "--catalog", catalog, "--csv", "--limit", "0");
        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.DONE);
        List<CSVRecord> runs = new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(history.out())).getRecords());
        List<String> order = new ArrayList<>();
        Collections.reverse(runs);
        for (CSVRecord run : runs) {
            assertThat(run.get("status")).isEqualTo("done");
            order.add(run.get("files").substring(0, 1));
        }
        assertThat(order).hasSize(2);
        return order;
    }

    private String export(String catalog) throws IOException {
        return CatalogBatchCli.rawExport(catalog, work);
    }
}

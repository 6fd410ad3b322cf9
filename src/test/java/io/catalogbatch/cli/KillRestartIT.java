package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.csv.CsvCatalog;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7 under SIGKILL: a real import process on a large models file is killed again and again, at random
 * moments (after a random number of rows, so that the moments do not depend on the machine's speed) and at
 * the moments that matter (half a journal batch written, a chunk durable in the catalog but
 * not yet in the job repository, a chunk's rows written to the database, between the two file moves of the
 * final rewrite); after each kill the catalog files are whole and readable, and the same command run once
 * more leaves the catalog byte-identical (raw export) to that of one uninterrupted run.
 */
@Tag("crash")
class KillRestartIT {

    private static final int CSV_MODELS = 200_000;
    private static final int H2_MODELS = 200_000;
    private static final int RANDOM_KILLS = 8;
    /** The most rows a randomly killed run handles: eight such runs leave most of the file to the others. */
    private static final int MOST_ROWS_BEFORE_A_RANDOM_KILL = 20_000;

    @TempDir
    Path work;

    private final List<String> endedBeforeTheirPoint = new ArrayList<>();

    @Test
    void a_folder_catalog_killed_anywhere_ends_as_an_uninterrupted_import() throws IOException {
        Path models = modelsFile(CSV_MODELS);
        byte[][] expected = uninterrupted(models);

        List<String> kills = new ArrayList<>();
        randomKills("catalog", kills);
        for (String point : List.of("journal-append:3", "journal-forced:2", "models-file-moved:1",
                "journal-forced:4", "models-file-moved:2")) {
            killAt(point, "catalog", kills);
            assertReadable(work.resolve("catalog"));
        }
        finish("catalog", expected, kills);
    }

    @Test
    void a_database_catalog_killed_anywhere_ends_as_an_uninterrupted_import() throws IOException {
        Path models = modelsFile(H2_MODELS);
        byte[][] expected = uninterrupted(models);

        String catalog = "jdbc:h2:file:" + work.resolve("h2").resolve("catalog");
        List<String> kills = new ArrayList<>();
        randomKills(catalog, kills);
        for (String point : List.of("chunk-written:2", "chunk-written:7")) {
            killAt(point, catalog, kills);
        }
        finish(catalog, expected, kills);
    }

    /** The raw export of the catalog one uninterrupted run makes (models.csv, tags.csv). */
    private byte[][] uninterrupted(Path models) throws IOException {
        assertThat(run("import", "--models", models.toString(), "--catalog", "reference", "--report", "runs/reference"))
                .isEqualTo(0);
        return export("reference");
    }

    private void randomKills(String catalog, List<String> kills) throws IOException {
        Random random = new Random(20261122L);
        for (int i = 0; i < RANDOM_KILLS; i++) {
            killAt("row-handled:" + (1 + random.nextInt(MOST_ROWS_BEFORE_A_RANDOM_KILL)), catalog, kills);
            if (!catalog.startsWith("jdbc:")) {
                assertReadable(work.resolve(catalog));
            }
        }
    }

    private void killAt(String point, String catalog, List<String> kills) {
        try (CatalogBatchProcess importing = importInto(catalog,
                List.of("-Dcatalog-batch.fault.pause-at=" + point))) {
            String reached = "fault point " + point.replaceAll(":.*", "") + " reached";
            importing.await(() -> importing.err().contains(reached) || !importing.isAlive(), reached);
            if (importing.isAlive()) {
                importing.kill();
                importing.waitFor();
                kills.add("at " + point);
            } else {
                endedBeforeTheirPoint.add(point + ": exit " + importing.waitFor() + ", " + importing.err().strip());
            }
        }
    }

    private void finish(String catalog, byte[][] expected, List<String> kills) throws IOException {
        try (CatalogBatchProcess importing = importInto(catalog, List.of())) {
            assertThat(importing.waitFor()).as(importing.toString()).isEqualTo(0);
        }
        byte[][] actual = export(catalog);
        System.out.printf("KillRestartIT %s: %d kills: %s%n", catalog.startsWith("jdbc:") ? "database" : "folder",
                kills.size(), kills);
        assertThat(kills).as("kills; the runs that ended before their point: %s", endedBeforeTheirPoint)
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(new String(actual[0], StandardCharsets.UTF_8)).as("models.csv after " + kills)
                .isEqualTo(new String(expected[0], StandardCharsets.UTF_8));
        assertThat(new String(actual[1], StandardCharsets.UTF_8)).as("tags.csv after " + kills)
                .isEqualTo(new String(expected[1], StandardCharsets.UTF_8));
    }

    private CatalogBatchProcess importInto(String catalog, List<String> jvmOptions) {
        return CatalogBatchProcess.start(work, jvmOptions, "import", "--models", "models.csv", "--catalog", catalog,
                "--report", "runs/killed");
    }

    private byte[][] export(String catalog) throws IOException {
        Path out = work.resolve("export-" + Integer.toHexString(catalog.hashCode()));
        assertThat(run("export", "--out", out.toString(), "--flavour", "raw", "--catalog", catalog)).isEqualTo(0);
        return new byte[][] {Files.readAllBytes(out.resolve("models.csv")), Files.readAllBytes(out.resolve("tags.csv"))};
    }

    private int run(String... args) {
        try (CatalogBatchProcess process = CatalogBatchProcess.start(work, List.of(), args)) {
            int status = process.waitFor();
            assertThat(status).as(process.toString()).isIn(0, 3);
            return status;
        }
    }

    /** The catalog files as a killed process left them: whole CSV files that the store reads. */
    private static void assertReadable(Path folder) throws IOException {
        for (String name : List.of("models.csv", "tags.csv")) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                     CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
                    List<CSVRecord> records = parser.getRecords();
                    assertThat(records).as(name).isNotEmpty();
                    int columns = records.get(0).size();
                    assertThat(records).as(name + ": every record has the header's columns")
                            .allSatisfy(record -> assertThat(record.size()).isEqualTo(columns));
                }
            }
        }
        try (CsvCatalog catalog = CsvCatalog.openForReading(folder)) {
            assertThat(catalog.countModels()).isGreaterThanOrEqualTo(0);
        }
    }

    /** Models with inline tags, descriptions with commas, quotes, line breaks and accents; same seed, same bytes. */
    private Path modelsFile(int count) throws IOException {
        Path file = work.resolve("models.csv");
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("name,description,task,framework,license,created,tags\n");
            for (int i = 0; i < count; i++) {
                out.write(String.format("org-%d/model-%07d,\"Model %d, the \"\"%s\"\" one\nné %d\",%s,pytorch,mit,"
                                + "2024-%02d-%02d,tag-%d tag-%d tag-%d%n",
                        i % 997, i, i, random.nextBoolean() ? "fast" : "small", random.nextInt(1000),
                        random.nextBoolean() ? "translation" : "summarization", 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(500), 500 + random.nextInt(500),
                        1000 + random.nextInt(500)));
            }
        }
        return file;
    }
}

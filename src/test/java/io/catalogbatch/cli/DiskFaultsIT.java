package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk and permission faults (issue #7): a full disk (before and while writing), a read-only file system, a
 * folder path through a regular file. Each gives a clear message naming the path and what to do, exit 1,
 * and leaves the catalog files as they were (compared byte for byte). The machine runs as root, for whom
 * permissions stop nothing, so full and read-only disks are small tmpfs mounts ({@link SmallDisk}); those
 * tests are skipped where mounting is not allowed.
 */
class DiskFaultsIT {

    private static final String MODELS = "name,description,tags\nseed-a,first,x;y\nseed-b,second,z\n";

    @TempDir
    Path work;

    private final List<SmallDisk> disks = new ArrayList<>();

    @AfterEach
    void unmount() throws IOException {
        for (SmallDisk disk : disks) {
            disk.close();
        }
    }

    @Test
    void an_import_into_a_catalog_on_a_full_disk_fails_changes_nothing_and_runs_once_there_is_room() throws IOException {
        SmallDisk disk = disk("2m");
        Path catalog = seed(disk.folder().resolve("catalog"));
        Map<String, String> before = files(catalog);
        disk.fill();
        Path models = write("new.csv", "name,description\nnew-one,hello\n");

        Result full = importModels(models, catalog);

        assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCode.FAILED);
        assertThat(full.err()).contains("No space left on device", "The disk is full: free some space",
                "run the same command again").doesNotContain("\tat ");
        assertThat(files(catalog)).as("catalog files and no temporary file left").isEqualTo(before);

        disk.free();
        Result again = importModels(models, catalog);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(catalog.resolve("models.csv"))).contains("new-one,hello");
    }

    @Test
    void a_disk_that_fills_up_midway_fails_the_import_keeps_the_catalog_files_and_the_same_command_resumes()
            throws IOException {
        SmallDisk disk = disk("3m");
        Path catalog = seed(disk.folder().resolve("catalog"));
        Map<String, String> before = files(catalog);
        Path models = bigModels(4000);

        Result full = importModels(models, catalog);

        assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCode.FAILED);
        assertThat(full.err()).contains("No space left on device", "The disk is full").doesNotContain("\tat ");
        assertThat(files(catalog).keySet()).noneMatch(name -> name.endsWith(".tmp"));
        assertThat(files(catalog)).containsEntry("models.csv", before.get("models.csv"))
                .containsEntry("tags.csv", before.get("tags.csv"));

        disk.resize("40m");
        Result again = importModels(models, catalog);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(catalog.resolve("models.csv"))).hasSize(1 + 2 + 4000);
    }

    @Test
    void when_the_catalog_files_cannot_be_rewritten_at_the_end_the_import_fails_and_the_journal_keeps_the_rows()
            throws IOException {
        // The journal (4 MB) fits, a second copy for the new models.csv does not. Before the fix: exit 0, the
        // failure only in the log, models.csv silently without the new rows.
        SmallDisk disk = disk("6m");
        Path catalog = seed(disk.folder().resolve("catalog"));
        Map<String, String> before = files(catalog);
        Path models = bigModels(4000);

        Result full = importModels(models, catalog);

        assertThat(full.exitCode()).as(full.out() + full.err()).isEqualTo(ExitCode.FAILED);
        assertThat(full.err()).contains("cannot write " + catalog.resolve("models.csv"), "The disk is full");
        assertThat(files(catalog)).containsEntry("models.csv", before.get("models.csv"))
                .containsEntry("tags.csv", before.get("tags.csv"));
        assertThat(catalog.resolve(".journal.csv")).as("the committed rows wait in the journal").exists();
        RunSummary summary = RunSummary.read(work.resolve("report/summary.json"));
        assertThat(summary.status()).as("a script reading the report finds this run, failed").isEqualTo("failed");
        assertThat(summary.exitCode()).isEqualTo(ExitCode.FAILED);

        disk.resize("40m");
        Result again = importModels(models, catalog);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(catalog.resolve("models.csv"))).hasSize(1 + 2 + 4000);
        assertThat(catalog.resolve(".journal.csv")).doesNotExist();
    }

    @Test
    void an_import_into_a_read_only_catalog_fails_naming_it_and_changes_nothing() throws IOException {
        SmallDisk disk = disk("1m");
        Path catalog = seed(disk.folder().resolve("catalog"));
        Map<String, String> before = files(catalog);
        disk.readOnly();

        Result result = importModels(write("new.csv", "name\nnew-one\n"), catalog);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains(catalog.toString(), "Read-only file system",
                "name a folder you can write to");
        assertThat(files(catalog)).isEqualTo(before);
    }

    @Test
    void a_report_folder_on_a_full_disk_fails_the_import_without_a_stack_trace_and_changes_nothing()
            throws IOException {
        SmallDisk disk = disk("1m");
        disk.fill();
        Path catalog = seed(work.resolve("catalog"));
        Map<String, String> before = files(catalog);
        Path report = disk.folder().resolve("report");

        // A process of its own: logback writes to the real standard error, which the in-process runner cannot see.
        Result result = CatalogBatchProcess.run(work.resolve("process"), List.of("-Xmx256m"), "import",
                "--models", write("new.csv", "name,created\nnew-one,\nbad,15/01/2024\n").toString(),
                "--catalog", catalog.toString(), "--report", report.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains(report.toString(), "No space left on device", "The disk is full")
                .doesNotContain("\tat ", "Exception");
        assertThat(files(catalog)).isEqualTo(before);
        try (Stream<Path> left = Files.list(report)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void an_export_to_a_full_disk_fails_naming_the_file_and_leaves_nothing_half_written() throws IOException {
        SmallDisk disk = disk("1m");
        Path catalog = seed(work.resolve("catalog"));
        Path out = disk.folder().resolve("export");
        Files.createDirectories(out);
        disk.fill();

        Result result = CatalogBatchCli.run("export", "--catalog", catalog.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains("cannot write " + out.resolve("models.csv"), "No space left on device",
                "The disk is full");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void an_export_to_a_read_only_folder_fails_naming_it() throws IOException {
        SmallDisk disk = disk("1m");
        Path catalog = seed(work.resolve("catalog"));
        disk.readOnly();

        Result result = CatalogBatchCli.run("export", "--catalog", catalog.toString(), "--out",
                disk.folder().resolve("export").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains(disk.folder().resolve("export").toString(), "Read-only file system",
                "name a folder you can write to");
    }

    // ======================================================== paths through a regular file: any machine, any user

    @Test
    void a_catalog_folder_under_a_regular_file_fails_naming_it() throws IOException {
        Path file = write("plain-file", "x");

        Result result = importModels(write("new.csv", "name\nnew-one\n"), file.resolve("catalog"));

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains(file.resolve("catalog").toString(), "Not a directory",
                "A part of this path is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void a_report_folder_under_a_regular_file_fails_naming_it_and_changes_nothing() throws IOException {
        Path catalog = seed(work.resolve("catalog"));
        Map<String, String> before = files(catalog);
        Path file = write("plain-file", "x");

        Result result = CatalogBatchCli.run("import", "--models", write("new.csv", "name\nnew-one\n").toString(),
                "--catalog", catalog.toString(), "--report", file.resolve("report").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains(file.resolve("report").toString(), "not a folder");
        assertThat(files(catalog)).isEqualTo(before);
    }

    @Test
    void an_export_under_a_regular_file_fails_naming_it() throws IOException {
        Path catalog = seed(work.resolve("catalog"));
        Path file = write("plain-file", "x");

        Result result = CatalogBatchCli.run("export", "--catalog", catalog.toString(), "--out",
                file.resolve("export").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains(file.resolve("export").toString(), "not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    // ================================================================ helpers

    private SmallDisk disk(String size) throws IOException {
        assumeTrue(SmallDisk.available(), "this machine does not allow tmpfs mounts (run as root to test full and "
                + "read-only disks)");
        SmallDisk disk = SmallDisk.mount(work.resolve("disk-" + disks.size()), size);
        disks.add(disk);
        return disk;
    }

    /** A catalog folder with two models. */
    private Path seed(Path catalog) throws IOException {
        Result result = importModels(write("seed.csv", MODELS), catalog);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return catalog;
    }

    private Result importModels(Path models, Path catalog) {
        return CatalogBatchCli.run("import", "--models", models.toString(), "--catalog", catalog.toString(),
                "--report", work.resolve("report").toString());
    }

    private Path write(String name, String content) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** Models of about 1 KB each, so that their size, not the job repository's, decides when a disk is full. */
    private Path bigModels(int rows) throws IOException {
        Path file = work.resolve("big.csv");
        String description = "d".repeat(1000);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("name,description\n");
            for (int i = 0; i < rows; i++) {
                out.write("model-" + i + "," + description + "\n");
            }
        }
        return file;
    }

    /** The files of a catalog folder (not its job repository or lock), by name. */
    private static Map<String, String> files(Path catalog) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(catalog)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(".lock")) {
                    files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }
}

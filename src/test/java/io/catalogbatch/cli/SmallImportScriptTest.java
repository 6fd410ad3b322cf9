package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/small-import.sh: which command lines scripts/catalog-batch starts with the quick compiler only
 * (an import of less than 16 MiB of files, its CSV folder catalog included).
 */
class SmallImportScriptTest {

    private static final Path SCRIPT = Path.of("scripts", "small-import.sh").toAbsolutePath();
    private static final long LIMIT = 16L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void anImportOfSmallFilesIsSmall() throws Exception {
        Path models = file("models.csv", 400_000);
        Path tags = file("tags.csv", 30_000);

        assertThat(small("import", "--models", models.toString(), "--tags", tags.toString())).isTrue();
        assertThat(small("import", "--models=" + models, "--catalog=" + dir.resolve("new-catalog"))).isTrue();
        assertThat(small("import", "--tags", tags.toString(), "--catalog", "jdbc:h2:file:" + dir.resolve("db")))
                .isTrue();
    }

    @Test
    void theInputsTogetherAtTheLimitAreNotSmall() throws Exception {
        Path models = file("models.csv", LIMIT - 10);
        Path tags = file("tags.csv", 10);

        assertThat(small("import", "--models", models.toString())).isTrue();
        assertThat(small("import", "--models", models.toString(), "--tags", tags.toString())).isFalse();
        assertThat(small("import", "--tags=" + tags, "--models=" + models)).isFalse();
    }

    @Test
    void aLargeCatalogFolderMakesASmallImportLarge() throws Exception {
        Path tags = file("tags.csv", 1_000);
        Path catalog = Files.createDirectory(dir.resolve("catalog"));
        sized(catalog.resolve("models.csv"), LIMIT);

        assertThat(small("import", "--tags", tags.toString(), "--catalog", catalog.toString())).isFalse();
        assertThat(small("import", "--tags", tags.toString(), "--catalog", "jdbc:h2:file:" + catalog))
                .as("a database catalog is read model by model, not whole").isTrue();
    }

    @Test
    void otherCommandsAndUnreadableInputsAreLeftToTheDefaults() throws Exception {
        Path models = file("models.csv", 1_000);

        assertThat(small("export", "--out", dir.toString())).isFalse();
        assertThat(small("watch", "--inbox", dir.toString(), "--once")).isFalse();
        assertThat(small("import", "--help")).isFalse();
        assertThat(small("import", "--models")).isFalse();
        assertThat(small("import", "--models", models.toString(), "--tags", dir.resolve("missing.csv").toString()))
                .isFalse();
        assertThat(small("import", "--models", dir.toString())).as("a folder").isFalse();
        assertThat(small()).isFalse();
    }

    private Path file(String name, long size) throws IOException {
        return sized(dir.resolve(name), size);
    }

    /** A sparse file: its size, without writing the bytes. */
    private static Path sized(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private boolean small(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\" && small_import \"$@\"",
                SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        assertThat(output).as("what the script printed").isEmpty();
        return exit == 0;
    }
}

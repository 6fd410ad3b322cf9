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
 * scripts/jit-options.sh: the compiler options scripts/catalog-batch starts the JVM with. The quick compiler
 * only for an import of less than 16 MiB of files (its CSV folder catalog included), else higher thresholds
 * for the optimising one; a JVM that refused them would refuse to start the tool.
 */
class JitOptionsScriptTest {

    private static final Path SCRIPT = Path.of("scripts", "jit-options.sh").toAbsolutePath();
    private static final String QUICK_ONLY = "-XX:TieredStopAtLevel=1";
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

    @Test
    void aSmallImportGetsTheQuickCompilerOnlyAndAnythingElseTheRaisedThresholds() throws Exception {
        Path models = file("models.csv", 1_000);

        assertThat(options("import", "--models", models.toString())).containsExactly(QUICK_ONLY);
        assertThat(options("export", "--out", dir.toString()))
                .contains("-XX:Tier4InvocationThreshold=15000", "-XX:Tier4CompileThreshold=30000")
                .doesNotContain(QUICK_ONLY);
    }

    @Test
    void theJvmAcceptsBothSetsOfOptions() throws Exception {
        Path models = file("models.csv", 1_000);

        for (List<String> options : List.of(options("import", "--models", models.toString()), options("search"))) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options);
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(java.getInputStream().readAllBytes());
            assertThat(java.waitFor()).as("%s: %s", options, output).isZero();
        }
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
        Sourced result = run("small_import", arguments);
        assertThat(result.output()).as("what the script printed").isEmpty();
        return result.exit() == 0;
    }

    private List<String> options(String... arguments) throws Exception {
        Sourced result = run("jit_options", arguments);
        assertThat(result.exit()).isZero();
        assertThat(result.output()).endsWith("\n").doesNotContain("\n\n");
        return List.of(result.output().strip().split(" +"));
    }

    private record Sourced(int exit, String output) {
    }

    /** Sources the script in bash, in {@code dir}, and calls {@code function} with the arguments. */
    private Sourced run(String function, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\" && " + function + " \"$@\"",
                SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Sourced(process.waitFor(), output);
    }
}

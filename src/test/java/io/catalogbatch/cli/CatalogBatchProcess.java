package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.fail;

import io.catalogbatch.CatalogBatchApplication;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs catalog-batch in a JVM of its own, as a user does: its own heap size, its real standard output and
 * error (where logback and the JVM write too), its exit code. For what the in-process {@link CatalogBatchCli}
 * cannot show: a memory limit, and what reaches the console from outside picocli.
 */
public final class CatalogBatchProcess {

    /** Long enough for any case here; only there to turn a hang into a failure. */
    private static final long HANG_MINUTES = 10;

    private CatalogBatchProcess() {
    }

    /** Runs the command with these JVM options ({@code -Xmx96m}); output is kept in files under {@code work}. */
    public static CatalogBatchCli.Result run(Path work, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CatalogBatchApplication.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(work);
        File out = Files.createTempFile(work, "out", ".txt").toFile();
        File err = Files.createTempFile(work, "err", ".txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        try {
            if (!process.waitFor(HANG_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("catalog-batch %s did not end within %d minutes", String.join(" ", args), HANG_MINUTES);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new CatalogBatchCli.Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}

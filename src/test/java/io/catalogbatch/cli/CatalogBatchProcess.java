package io.catalogbatch.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The real program in a child process, for what only a process shows: signals, exit status, a kill, two
 * processes on one catalog or inbox. Runs {@code java -jar} on the Spring Boot jar when the build made one (the
 * {@code catalog-batch.jar} system property, which Failsafe sets: {@code package} runs before the integration
 * tests), else the main class on this JVM's class path (target/classes and the dependencies, as an IDE runs a
 * test). Output goes to files, so a chatty process never blocks on a full pipe. No wait has a deadline (a
 * busy machine is slow, never wrong): a wait for output ends when the output comes or the process ends, and
 * then fails with what the process printed.
 *
 * <pre>{@code
 * try (CatalogBatchProcess watcher = CatalogBatchProcess.start(work, List.of(), "watch", "--inbox", "in")) {
 *     watcher.awaitOutput("watching");
 *     watcher.terminate();                       // SIGTERM
 *     assertThat(watcher.waitFor()).isEqualTo(0);
 * }
 * }</pre>
 */
public final class CatalogBatchProcess implements AutoCloseable {

    private static final Duration LOOK_AGAIN = Duration.ofMillis(50);

    private final Process process;
    private final Path out;
    private final Path err;
    private final List<String> command;

    private CatalogBatchProcess(Process process, Path out, Path err, List<String> command) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.command = command;
    }

    /**
     * Starts {@code catalog-batch args...} in {@code directory} (relative paths in the arguments are resolved
     * there), with extra JVM options such as {@code -Dcatalog-batch.chunk-size=10}.
     */
    public static CatalogBatchProcess start(Path directory, List<String> jvmOptions, String... args) {
        return start(directory, jvmOptions, builtJar().orElse(null), args);
    }

    /** The Spring Boot jar the build made, if any. */
    public static Optional<Path> builtJar() {
        String jar = System.getProperty("catalog-batch.jar", "");
        return !jar.isEmpty() && Files.isRegularFile(Path.of(jar)) ? Optional.of(Path.of(jar)) : Optional.empty();
    }

    /**
     * The same, from {@code jar} (a copy of the built jar, for processes that live long: a rebuild under a running
     * JVM crashes it), or from the class path when null.
     */
    public static CatalogBatchProcess start(Path directory, List<String> jvmOptions, Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "io.catalogbatch.CatalogBatchApplication"));
        }
        command.addAll(List.of(args));
        try {
            Path logs = TempFolders.deletedAtExit("catalog-batch-process");
            Path out = logs.resolve("stdout.txt");
            Path err = logs.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(
                            ProcessBuilder.Redirect.from(new File(System.getProperty("os.name").startsWith("Windows")
                                    ? "NUL" : "/dev/null")))
                    .start();
            return new CatalogBatchProcess(process, out, err, command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Runs {@code catalog-batch args...} to its end in {@code directory} with these JVM options (a small
     * heap, say) and returns what it printed.
     */
    public static CatalogBatchCli.Result run(Path directory, List<String> jvmOptions, String... args) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (CatalogBatchProcess process = start(directory, jvmOptions, args)) {
            int status = process.waitFor();
            return new CatalogBatchCli.Result(status, process.out(), process.err());
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM on Linux and macOS (what a scheduler or {@code systemctl stop} sends). */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process ends at once, nothing of it runs. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Sends a signal by name ({@code INT}, {@code HUP}, {@code TERM} ...) with {@code kill -s}. */
    public void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -s " + name + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the process to end and returns its exit status. */
    public int waitFor() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + this, e);
        }
    }

    /** Everything the process printed on stdout so far. */
    public String out() {
        return read(out);
    }

    /** Everything the process printed on stderr so far. */
    public String err() {
        return read(err);
    }

    /** Waits until stdout or stderr contains the text. */
    public void awaitOutput(String text) {
        await(() -> out().contains(text) || err().contains(text), "output \"" + text + "\"");
    }

    /**
     * Waits until the condition holds (a file appears, a log line is printed); fails when the process ended
     * before it did.
     */
    public void await(BooleanSupplier condition, String what) {
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before " + what
                        + ": " + this);
            }
            try {
                Thread.sleep(LOOK_AGAIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Kills the process if it still runs (a failed test leaves none behind). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(); // SIGKILL: it ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // a character cut in half is no error
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command) + "\n--- stdout:\n" + out() + "\n--- stderr:\n" + err();
    }
}

package io.catalogbatch.shared.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs an outside program a test needs (LibreOffice, Gnumeric) in a folder, and fails on its failure. */
public final class Programs {

    private Programs() {
    }

    /** Runs {@code command} in {@code work}, its output in {@code work/program.log}; asserts it exited 0. */
    public static void run(Path work, List<String> command) throws IOException, InterruptedException {
        Path log = work.resolve("program.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(work.toFile()).start();
        try {
            process.waitFor(); // no deadline: a busy machine is slow, not wrong (its own profile: no lock to hang on)
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("%s: %s", command, Files.readString(log)).isZero();
    }
}

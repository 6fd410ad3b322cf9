package io.catalogbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;

/** Temporary folders that outlive the test that made them (its output is read later) but not the test JVM. */
final class TempFolders {

    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (MADE) {
                MADE.forEach(folder -> FileUtils.deleteQuietly(folder.toFile()));
            }
        }));
    }

    private TempFolders() {
    }

    static Path deletedAtExit(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        synchronized (MADE) {
            MADE.add(folder);
        }
        return folder;
    }
}

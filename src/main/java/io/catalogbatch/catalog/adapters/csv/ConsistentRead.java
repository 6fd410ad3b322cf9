package io.catalogbatch.catalog.adapters.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a reader that takes no lock reads a catalog folder as one version: the catalog before a running import or
 * after it, never a mix. The journal counts when the files are being replaced (the {@link CatalogFiles#COMPACTING}
 * marker is there; the journal holds every model the new files change) or when no writer holds the lock (a killed
 * import left it: it is committed); the journal of a running import does not. A read during which a CSV file or
 * the marker changed is done again.
 */
final class ConsistentRead {

    /** One read of the folder: the cache or the CSV files, and the journal on top when {@code withJournal}. */
    interface Attempt {
        void read(boolean withJournal) throws IOException;
    }

    private static final int ATTEMPTS = 100;
    private static final long PAUSE_MILLIS = 50;

    private ConsistentRead() {
    }

    /** Reads until one read saw the files unchanged from its start to its end. */
    static void repeatWhileChanged(Path folder, Attempt attempt) throws IOException {
        repeatWhileChanged(folder, attempt, ATTEMPTS, PAUSE_MILLIS);
    }

    static void repeatWhileChanged(Path folder, Attempt attempt, int attempts, long pauseMillis) throws IOException {
        Path marker = folder.resolve(CatalogFiles.COMPACTING);
        for (int round = 1; ; round++) {
            boolean compacting = Files.exists(marker);
            boolean journalCounts = compacting
                    || Files.exists(folder.resolve(CatalogJournal.FILE)) && !CatalogLock.held(folder);
            List<Object> before = fileVersions(folder);
            attempt.read(journalCounts);
            if (before.equals(fileVersions(folder)) && compacting == Files.exists(marker)) {
                return;
            }
            if (round == attempts) {
                throw new IOException("the catalog " + folder + " kept changing while it was read; try again");
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the catalog " + folder, e);
            }
        }
    }

    /** What identifies the present version of each catalog file: replacing a file changes it. */
    private static List<Object> fileVersions(Path folder) throws IOException {
        List<Object> versions = new ArrayList<>();
        for (String name : List.of(CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE)) {
            try {
                BasicFileAttributes file = Files.readAttributes(folder.resolve(name), BasicFileAttributes.class);
                versions.add(Arrays.asList(file.fileKey(), file.lastModifiedTime(), file.size()));
            } catch (NoSuchFileException e) {
                versions.add(null);
            }
        }
        return versions;
    }
}

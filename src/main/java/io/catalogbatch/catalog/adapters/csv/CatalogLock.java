package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.service.CatalogBusy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-writer lock of a catalog folder: an operating-system lock on {@code .lock}, so it holds across
 * processes and is released by the system when a process dies (a stale lock file is harmless).
 */
final class CatalogLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private CatalogLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock files this process holds. Closing any channel on a file drops every lock the process has on
     * it (POSIX), so this process never opens a second channel on a lock file it holds.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    static CatalogLock acquire(Path folder) throws IOException {
        Path file = folder.resolve(FILE).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw new CatalogBusy(folder);
        }
        try {
            return lock(folder, file);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    /** Whether a writer, in this process or another, holds the folder's lock now. */
    static boolean held(Path folder) throws IOException {
        Path file = folder.resolve(FILE).toAbsolutePath().normalize();
        if (HELD.contains(file)) {
            return true;
        }
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static CatalogLock lock(Path folder, Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new CatalogBusy(folder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        return new CatalogLock(file, channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(file);
        }
    }
}

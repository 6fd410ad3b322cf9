package io.catalogbatch.shared.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock on a file: it holds across processes and the system releases it when a process
 * dies (the file stays, harmless). Closing any channel on a file drops every lock the process has on it
 * (POSIX), so this process never opens a second channel on a lock file it holds: a second holder in the same
 * process is refused from a set of the files held here.
 */
public final class ProcessFileLock implements AutoCloseable {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ProcessFileLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock (the file created when missing), or empty when another holder, here or elsewhere, has it. */
    public static Optional<ProcessFileLock> tryAcquire(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return Optional.empty();
        }
        try {
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                HELD.remove(key);
                return Optional.empty();
            }
            return Optional.of(new ProcessFileLock(key, channel, lock));
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    /** Whether a holder, in this process or another, has the lock on this file now. */
    public static boolean held(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (HELD.contains(key)) {
            return true;
        }
        if (!Files.exists(key)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ)) {
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

    /** The locked file's channel, to write who holds it. */
    public FileChannel channel() {
        return channel;
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

package io.catalogbatch.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The claim of a watcher on its inbox while it imports a batch from it: an operating-system lock on
 * {@code .catalog-batch/watch.lock} in the inbox, so two watchers (two processes, or two in one JVM) never take
 * the same files, and a watcher that dies lets go at once (the system releases its lock; the file stays).
 */
final class InboxLock implements AutoCloseable {

    static final String FILE = "watch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another watcher holds it. */
    static Optional<InboxLock> tryAcquire(Inbox inbox) throws IOException {
        Files.createDirectories(inbox.workFolder());
        FileChannel channel = FileChannel.open(inbox.workFolder().resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new InboxLock(channel, lock));
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

package io.catalogbatch.catalog.entrypoints.watch;

import io.catalogbatch.shared.files.ProcessFileLock;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The claim of a watcher on its inbox while it imports a batch from it: an operating-system lock on
 * {@code .catalog-batch/watch.lock} in the inbox, so two watchers (two processes, or two in one JVM) never take
 * the same files, and a watcher that dies lets go at once (the system releases its lock; the file stays).
 */
final class InboxLock implements AutoCloseable {

    static final String FILE = "watch.lock";

    private final ProcessFileLock lock;

    private InboxLock(ProcessFileLock lock) {
        this.lock = lock;
    }

    /** The lock, or empty when another watcher holds it. */
    static Optional<InboxLock> tryAcquire(Inbox inbox) throws IOException {
        Files.createDirectories(inbox.workFolder());
        return ProcessFileLock.tryAcquire(inbox.workFolder().resolve(FILE)).map(InboxLock::new);
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}

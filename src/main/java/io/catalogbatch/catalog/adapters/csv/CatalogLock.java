package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.service.CatalogBusy;
import io.catalogbatch.shared.files.ProcessFileLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one-writer lock of a catalog folder: an operating-system lock on {@code .lock}, so it holds across
 * processes and is released by the system when a process dies (a stale lock file is harmless).
 */
final class CatalogLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final ProcessFileLock lock;

    private CatalogLock(ProcessFileLock lock) {
        this.lock = lock;
    }

    static CatalogLock acquire(Path folder) throws IOException {
        ProcessFileLock lock = ProcessFileLock.tryAcquire(folder.resolve(FILE)).orElseThrow(() -> new CatalogBusy(folder));
        try {
            FileChannel channel = lock.channel();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return new CatalogLock(lock);
    }

    /** Whether a writer, in this process or another, holds the folder's lock now. */
    static boolean held(Path folder) throws IOException {
        return ProcessFileLock.held(folder.resolve(FILE));
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}

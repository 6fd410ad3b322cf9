package io.catalogbatch.catalog.adapters.jdbc;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One thread that runs reads of the catalog on a connection of its own while the chunk's thread runs others.
 * Made when first used; a daemon, so a process that ends without closing the catalog is not kept alive.
 */
final class SideReader implements AutoCloseable {

    private ExecutorService thread;

    synchronized <T> Future<T> read(Supplier<T> query) {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(task -> {
                Thread reader = new Thread(task, "catalog-side-reader");
                reader.setDaemon(true);
                return reader;
            });
        }
        return thread.submit(query::get);
    }

    /** What the read returned; what it threw, thrown here (an {@link Error} too). */
    static <T> T result(Future<T> read) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return read.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the read holds a connection: wait for it to give it back
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdown(); // never interrupted: H2 closes its file when a thread reading it is
            thread = null;
        }
    }
}

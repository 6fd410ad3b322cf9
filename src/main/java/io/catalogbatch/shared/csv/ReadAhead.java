package io.catalogbatch.shared.csv;

import java.io.Closeable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the rows of a source on a thread of its own, a batch at a time, while the caller handles the rows
 * before them: decoding and parsing the CSV is about a quarter of an import's work, and the second core
 * is otherwise idle during a re-import. At most {@link #BATCHES} batches wait, each of at most
 * {@link #BATCH_ROWS} rows or about {@link #BATCH_CHARS} characters, so memory stays bounded also for
 * rows with huge cells.
 *
 * <p>The caller sees exactly what {@link RowSource#next} would give it, in order: the rows, then null at
 * the end, or the rows before a failure and then the failure itself (a {@link CsvFileRefused}, say).
 * {@link #close} stops the thread and closes the source.
 */
public final class ReadAhead implements Closeable {

    static final int BATCH_ROWS = 500;
    static final int BATCH_CHARS = 1 << 20;
    static final int BATCHES = 8;
    private static final CsvRow[] NO_ROWS = new CsvRow[0];

    /** Rows read, then either more to come ({@code last} false) or the end: null or the failure. */
    private record Batch(CsvRow[] rows, int size, boolean last, Throwable failure) {
    }

    private final RowSource source;
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES);
    private final Thread reader;
    private volatile boolean closed;
    private Batch current = new Batch(NO_ROWS, 0, false, null);
    private int next;

    public ReadAhead(RowSource source) {
        this.source = source;
        this.reader = new Thread(this::readAll, "read-ahead " + source.file().getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    /** The next data row, or null at the end of the file; throws what reading the file threw there. */
    public CsvRow next() {
        while (next == current.size()) {
            if (current.last()) {
                if (current.failure() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (current.failure() instanceof Error failure) {
                    throw failure;
                }
                return null;
            }
            current = take();
            next = 0;
        }
        return current.rows()[next++];
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) { // the source is not to be closed under the reader's feet
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        source.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Batch take() {
        try {
            while (true) {
                Batch batch = batches.poll(1, TimeUnit.SECONDS);
                if (batch != null) {
                    return batch;
                }
                if (!reader.isAlive()) {
                    batch = batches.poll(); // what it put just before it ended
                    if (batch != null) {
                        return batch;
                    }
                    throw new IllegalStateException("the thread reading " + source.file() + " ended unexpectedly");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rows of " + source.file(), e);
        }
    }

    private void readAll() {
        CsvRow[] rows = NO_ROWS;
        int size = 0;
        try {
            rows = new CsvRow[BATCH_ROWS];
            long chars = 0;
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                rows[size++] = row;
                for (String cell : row.cells()) {
                    chars += cell.length();
                }
                if (size == BATCH_ROWS || chars >= BATCH_CHARS) {
                    Batch full = new Batch(rows, size, false, null);
                    rows = NO_ROWS; // handed over: a failure from here on must not hand these rows out again
                    size = 0;
                    chars = 0;
                    batches.put(full);
                    rows = new CsvRow[BATCH_ROWS];
                }
            }
            batches.put(new Batch(rows, size, true, null));
        } catch (InterruptedException stopped) {
            // closed
        } catch (RuntimeException | Error failure) { // all that reading can throw: the caller must not wait forever
            if (!closed) {
                try {
                    batches.put(new Batch(rows, size, true, failure));
                } catch (InterruptedException stopped) {
                    // closed
                }
            }
        }
    }
}

package io.catalogbatch.shared.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a run changed ({@code changes.csv}), one line per event. Lines of a chunk are written once the
 * chunk has committed, and dropped when it rolls back, so the file never claims a change the catalog
 * does not have.
 */
public final class ChangesFile implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final Path file;
    private final CSVPrinter printer;
    private final List<List<String>> pending = new ArrayList<>();
    private boolean synchronising;
    private long count;

    public ChangesFile(Path file, List<String> header) {
        this.file = file;
        try {
            boolean exists = Files.exists(file);
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            printer = new CSVPrinter(writer, FORMAT);
            if (!exists) {
                printer.printRecord(header);
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the changes to " + file, e);
        }
    }

    public synchronized void record(List<String> cells) {
        pending.add(List.copyOf(cells));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writePending();
        } else if (!synchronising) {
            synchronising = true;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    synchronized (ChangesFile.this) {
                        synchronising = false;
                        if (status == STATUS_COMMITTED) {
                            writePending();
                        } else {
                            pending.clear();
                        }
                    }
                }
            });
        }
    }

    /** Forgets the lines not written yet: the work they describe is not kept (a refused file). */
    public synchronized void discardPending() {
        pending.clear();
    }

    /** Changes written by this execution. */
    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized void close() throws IOException {
        printer.close();
    }

    private void writePending() {
        try {
            for (List<String> cells : pending) {
                printer.printRecord(cells);
            }
            printer.flush();
            count += pending.size();
            pending.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the changes to " + file, e);
        }
    }
}

package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.RowSource;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.faults.FaultPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The reading of a whole input file before any row of it is imported: its structure (a broken file is refused
 * whole, {@link io.catalogbatch.shared.csv.CsvFileRefused}), its rows, encoding and delimiter, and which keys
 * more than one row has ({@link RepeatedKeys}), so that the duplicate rule remembers only those. It may run on a
 * thread of its own while an earlier step reads another file.
 *
 * <p>{@code rowKey} is the key a row would claim, read straight from its cells (no command built); null or a
 * {@link DomainException} when it has none. It must give every row the key its command claims when imported.
 */
public final class FileCheck {

    /** What reading the whole file found. */
    public record Checked(long rows, String encoding, String delimiterName, RepeatedKeys repeatedKeys) {
    }

    private final Path file;
    private final CsvReadOptions options;
    private final Function<CsvRow, String> rowKey;
    private final Path spillFolder;
    private volatile CompletableFuture<Checked> checking;
    private volatile boolean cancelled;
    private volatile Stamp checkedStamp;

    /** {@code spillFolder}: where the keys' fingerprints go beyond the memory they may take (a file no one sees). */
    public FileCheck(Path file, CsvReadOptions options, Function<CsvRow, String> rowKey, Path spillFolder) {
        this.file = file;
        this.options = options;
        this.rowKey = rowKey;
        this.spillFolder = spillFolder;
    }

    public Path file() {
        return file;
    }

    /** Starts the check on a thread of its own; {@link #checked} then waits for it. */
    public void checkAhead() {
        if (checking == null) {
            checking = CompletableFuture.supplyAsync(() -> {
                FaultPoint.reach("ahead-check-started");
                return checkNow();
            }, task -> {
                Thread thread = new Thread(task, "check " + file.getFileName());
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /** Nobody will import this file in this run (an earlier file was refused): a check under way stops. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Reads the whole file (or waits for {@link #checkAhead} to have done so). Throws
     * {@link io.catalogbatch.shared.csv.CsvFileRefused} for a file that cannot be imported.
     */
    public Checked checked() {
        if (checking == null) {
            Checked now = checkNow();
            checking = CompletableFuture.completedFuture(now);
            return now;
        }
        try {
            return checking.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Which keys repeat is only known of the file as checked: one written since (still being written?) is not
     * imported at all.
     */
    public void requireUnchanged() {
        if (!stampOfFile().equals(checkedStamp)) {
            throw new IllegalStateException(String.format("%s changed after this run checked it (was it still "
                    + "being written?); nothing of it was imported: run the same command again once the file is "
                    + "complete", file));
        }
    }

    private Checked checkNow() {
        Stamp stamp = stampOfFile();
        try (RowSource source = InputRows.open(file, options);
             RepeatedKeys.Collector keys = new RepeatedKeys.Collector(spillFolder)) {
            long rows = source.scan(row -> {
                if (cancelled) {
                    throw new CancellationException("the check of " + file + " was cancelled");
                }
                String key = row.hasProblem() ? null : keyOrNull(row);
                if (key != null) {
                    keys.add(key);
                }
            });
            RepeatedKeys repeated = keys.finish();
            checkedStamp = stamp;
            return new Checked(rows, source.encoding(), source.delimiterName(), repeated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private String keyOrNull(CsvRow row) {
        try {
            return rowKey.apply(row);
        } catch (DomainException noKey) {
            return null;
        }
    }

    /** Size and time of last change, taken before the check reads the file: a later write changes it. */
    private record Stamp(long size, FileTime modified) {
    }

    private Stamp stampOfFile() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

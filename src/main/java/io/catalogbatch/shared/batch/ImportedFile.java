package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvSource;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.faults.FaultPoint;
import java.util.function.Consumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One input file of an import step, and the parts that step is made of: the reader, the processor that
 * makes each row a command, the writer that hands commands to the bus, the file of rejected rows, and the
 * keys claimed by the first valid rows (rebuilt from the rows a restarted step replays).
 *
 * <p>{@code rowKey} is the key a row would claim, read straight from its cells (no command built): the
 * check of the file gathers them to learn which keys repeat, so that only those are remembered while
 * rows are imported. It must give every row the key {@code keyOf} gives that row's command (it may give a
 * key to a row whose command would be rejected); null or a {@link DomainException} when it has none.
 */
public final class ImportedFile implements StepExecutionListener, CsvRowReader.Listener, RowRejections {

    private final String role;
    private final Path file;
    private final CsvReadOptions options;
    private final Path rejectsPath;
    private final Function<CsvRow, ? extends Command> toCommand;
    private final Function<Command, String> keyOf;
    private final Function<CsvRow, String> rowKey;
    private final String keyColumn;
    private final Map<String, String> columnOfField;
    private final FirstRows firstRows = new FirstRows();
    private RejectsFile rejects;
    private volatile CompletableFuture<Checked> checking;
    private volatile boolean cancelled;
    private volatile Stamp checkedStamp;

    public ImportedFile(String role, Path file, CsvReadOptions options, Path rejectsPath,
                        Function<CsvRow, ? extends Command> toCommand, Function<Command, String> keyOf,
                        Function<CsvRow, String> rowKey, String keyColumn, Map<String, String> columnOfField) {
        this.columnOfField = Map.copyOf(columnOfField);
        this.role = role;
        this.file = file;
        this.options = options;
        this.rejectsPath = rejectsPath;
        this.toCommand = toCommand;
        this.keyOf = keyOf;
        this.rowKey = rowKey;
        this.keyColumn = keyColumn;
    }

    public Path file() {
        return file;
    }

    public CsvReadOptions options() {
        return options;
    }

    public CsvRowReader reader() {
        return new CsvRowReader(file, role, options, this);
    }

    public RowToCommandProcessor processor() {
        return new RowToCommandProcessor(toCommand, keyOf, this);
    }

    /** The writer; {@code handling} is usually the bus's {@code handle}. */
    public CommandWriter writer(Consumer<Command> handling, Consumer<List<Command>> beforeChunk, long failAfterLine) {
        return new CommandWriter(handling, beforeChunk, firstRows, keyColumn, this, failAfterLine);
    }

    /** What reading the whole file before its import found. */
    public record Checked(long rows, String encoding, String delimiterName) {
    }

    /**
     * Starts the check of this file on a thread of its own, while an earlier step reads another file;
     * {@link #checked} then waits for it. When the run ends first, {@link #cancelCheck} stops it.
     */
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
    public void cancelCheck() {
        cancelled = true;
    }

    /**
     * Reads the whole file for its structure (or waits for {@link #checkAhead} to have done so), and learns
     * which keys more than one row has. Throws {@link io.catalogbatch.shared.csv.CsvFileRefused} for a file
     * that cannot be imported.
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
     * A restarted run does not check its files again: the import step then reads the file for its keys. A
     * file that changed since its check is not imported: which keys repeat in it is no longer known.
     */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        checked();
        if (!stampOfFile().equals(checkedStamp)) {
            throw new IllegalStateException(String.format("%s changed after this run checked it (was it still "
                    + "being written?); nothing of it was imported: run the same command again once the file is "
                    + "complete", file));
        }
    }

    /** How many keys are remembered for the duplicate rule (for tests). */
    int rememberedKeys() {
        return firstRows.size();
    }

    private Checked checkNow() {
        Stamp stamp = stampOfFile();
        try (CsvSource source = CsvSource.open(file, options);
             RepeatedKeys.Collector keys = new RepeatedKeys.Collector(rejectsPath.toAbsolutePath().getParent())) {
            long rows = source.scan(row -> {
                if (cancelled) {
                    throw new CancellationException("the check of " + file + " was cancelled");
                }
                String key = row.hasProblem() ? null : keyOrNull(row);
                if (key != null) {
                    keys.add(key);
                }
            });
            firstRows.onlyAmong(keys.finish());
            checkedStamp = stamp;
            return new Checked(rows, source.encoding(), source.delimiterName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
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

    private String keyOrNull(CsvRow row) {
        try {
            return rowKey.apply(row);
        } catch (DomainException noKey) {
            return null;
        }
    }

    @Override
    public void opened(CsvSource source) {
        rejects = new RejectsFile(rejectsPath, source.header());
    }

    /** A row an earlier execution committed: it claims its key again unless it was rejected then. */
    @Override
    public void replayed(CsvRow row) {
        if (rejects.reported(row.line()) || row.hasProblem()) {
            return;
        }
        try {
            firstRows.claim(keyOf.apply(toCommand.apply(row)), row.line());
        } catch (DomainException rejectedThen) {
            // reported by the earlier execution
        }
    }

    /** Reports the row; a domain field is named by the column of this file that holds it. */
    @Override
    public void reject(CsvRow row, String reason, String field, String message) {
        rejects.reject(row, reason, columnOfField.getOrDefault(field, field), message);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (rejects != null) {
            try {
                rejects.close();
                // The step's status is only settled after its listeners: a failure shows in its exceptions.
                if (stepExecution.getFailureExceptions().isEmpty() && !stepExecution.getStatus().isUnsuccessful()) {
                    RejectsFile.sortByLine(rejectsPath);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}

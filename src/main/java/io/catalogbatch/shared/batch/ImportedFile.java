package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.RowSource;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One input file of an import and what the steps reading it share, whichever step execution reads it: how its
 * rows become commands and the key each claims, its {@link FileCheck check}, its errors file, and the keys its
 * first rows claimed ({@link FirstRowWins}). Told by the import step's reader and listener: a file changed since
 * its check is not imported; the errors file opens once the reader has the header, and is put in line order
 * when the step succeeded; on restart, the rows an earlier execution committed claim their keys again.
 */
public final class ImportedFile<C extends Command> implements StepExecutionListener, CsvRowReader.Listener,
        RowRejections {

    private final String role;
    private final Path file;
    private final CsvReadOptions options;
    private final Path rejectsPath;
    private final Function<CsvRow, ? extends C> toCommand;
    private final Function<? super C, String> keyOf;
    private final String keyColumn;
    private final Map<String, String> columnOfField;
    private final FileCheck check;
    private final FirstRows firstRows = new FirstRows();
    private RejectsFile rejects;

    /**
     * {@code rowKey} gives, from the cells alone, the key {@code keyOf} gives the row's command (for the
     * check); {@code keyColumn} is the column a duplicate is reported in; {@code columnOfField} names the
     * column of this file that holds a domain field, where it has another name.
     */
    public ImportedFile(String role, Path file, CsvReadOptions options, Path rejectsPath,
                        Function<CsvRow, ? extends C> toCommand, Function<? super C, String> keyOf,
                        Function<CsvRow, String> rowKey, String keyColumn, Map<String, String> columnOfField) {
        this.role = role;
        this.file = file;
        this.options = options;
        this.rejectsPath = rejectsPath;
        this.toCommand = toCommand;
        this.keyOf = keyOf;
        this.keyColumn = keyColumn;
        this.columnOfField = Map.copyOf(columnOfField);
        this.check = new FileCheck(file, options, rowKey, rejectsPath.toAbsolutePath().getParent());
    }

    /** The name of the file's kind ({@code models}, {@code tags}): its reader keeps its position under it. */
    public String role() {
        return role;
    }

    public Path file() {
        return file;
    }

    public CsvReadOptions options() {
        return options;
    }

    public FileCheck check() {
        return check;
    }

    public Function<CsvRow, ? extends C> toCommand() {
        return toCommand;
    }

    public Function<? super C, String> keyOf() {
        return keyOf;
    }

    public String keyColumn() {
        return keyColumn;
    }

    public FirstRowWins firstRows() {
        return firstRows;
    }

    /**
     * A restarted run does not check its files again: the import step then reads the file for its keys. Only
     * keys that repeat in the file as checked are remembered, so a file changed since is not imported.
     */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        FileCheck.Checked checked = check.checked();
        check.requireUnchanged();
        firstRows.onlyAmong(checked.repeatedKeys());
    }

    @Override
    public void opened(RowSource source) {
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

    /** How many keys are remembered for the duplicate rule (for tests). */
    int rememberedKeys() {
        return firstRows.size();
    }
}

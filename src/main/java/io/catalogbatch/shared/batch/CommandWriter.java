package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.faults.FaultPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.OptionalLong;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Hands each command of a chunk to its handling (the bus), inside the chunk's transaction, after showing
 * them all to {@code beforeChunk} (a store may read what they name in one go). A row whose key an earlier
 * row of the file already claimed is a {@code duplicate}; a command that breaks a business rule rejects
 * its row; the others go on. The count of rows rejected here is kept in the step's execution context, so
 * it survives a restart together with the chunk it belongs to.
 */
public final class CommandWriter implements ItemWriter<RowCommand>, StepExecutionListener {

    public static final String REJECTED_BY_HANDLERS = "rejected.by.handlers";

    private final Consumer<Command> handling;
    private final Consumer<List<Command>> beforeChunk;
    private final FirstRows firstRows;
    private final String keyColumn;
    private final RowRejections rejections;
    private final long failAfterLine;
    private StepExecution stepExecution;

    /**
     * {@code failAfterLine}: a fault switch for restart tests ({@code catalog-batch.fault.fail-after-line});
     * when positive, the write fails right after handling that line, midway through its chunk.
     */
    public CommandWriter(Consumer<Command> handling, Consumer<List<Command>> beforeChunk, FirstRows firstRows,
                         String keyColumn, RowRejections rejections, long failAfterLine) {
        this.failAfterLine = failAfterLine;
        this.handling = handling;
        this.beforeChunk = beforeChunk;
        this.firstRows = firstRows;
        this.keyColumn = keyColumn;
        this.rejections = rejections;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends RowCommand> chunk) {
        List<Command> commands = new ArrayList<>(chunk.size());
        chunk.forEach(item -> commands.add(item.command()));
        beforeChunk.accept(commands);
        long rejected = 0;
        for (RowCommand item : chunk) {
            OptionalLong first = firstRows.claimedBy(item.key());
            if (first.isPresent()) {
                rejections.reject(item.row(), "duplicate", keyColumn, String.format(
                        "line %d already has this %s; the first row wins: merge the two rows or delete this one",
                        first.getAsLong(), keyColumn));
                rejected++;
                continue;
            }
            try {
                handling.accept(item.command());
                firstRows.claim(item.key(), item.row().line());
            } catch (DomainException broken) {
                rejections.reject(item.row(), broken);
                rejected++;
            }
            FaultPoint.reach("row-handled");
            if (item.row().line() == failAfterLine) {
                throw new IllegalStateException("fault injected after line " + failAfterLine);
            }
        }
        if (rejected > 0 && stepExecution != null) {
            var context = stepExecution.getExecutionContext();
            context.putLong(REJECTED_BY_HANDLERS, context.getLong(REJECTED_BY_HANDLERS, 0L) + rejected);
        }
    }
}

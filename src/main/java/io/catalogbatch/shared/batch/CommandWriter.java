package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.faults.FaultPoint;
import io.catalogbatch.shared.service.MessageBus;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Hands each command of a chunk to the bus, inside the chunk's transaction, after showing them all to
 * {@code beforeChunk} (a store may read what they name in one go). A row whose key an earlier row of the file
 * already claimed is a {@code duplicate}; a command that breaks a business rule rejects its row; the others go
 * on. How many rows were rejected here is kept in the step's execution context with the reader's position,
 * so it counts only chunks that committed, and survives a restart with them.
 */
public final class CommandWriter<C extends Command> implements ItemWriter<RowCommand<C>>, ItemStream {

    public static final String REJECTED_BY_HANDLERS = "rejected.by.handlers";

    private final MessageBus bus;
    private final Consumer<List<C>> beforeChunk;
    private final FirstRowWins firstRows;
    private final String keyColumn;
    private final RowRejections rejections;
    /** What the file's rows are called: a CSV file's {@code line}s, a sheet's {@code row}s. */
    private final String rowWord;
    private long rejected;

    public CommandWriter(MessageBus bus, Consumer<List<C>> beforeChunk, FirstRowWins firstRows, String keyColumn,
                         RowRejections rejections) {
        this(bus, beforeChunk, firstRows, keyColumn, rejections, "line");
    }

    private CommandWriter(MessageBus bus, Consumer<List<C>> beforeChunk, FirstRowWins firstRows, String keyColumn,
                          RowRejections rejections, String rowWord) {
        this.bus = bus;
        this.beforeChunk = beforeChunk;
        this.firstRows = firstRows;
        this.keyColumn = keyColumn;
        this.rejections = rejections;
        this.rowWord = rowWord;
    }

    /** The writer of the rows of this file. */
    public CommandWriter(MessageBus bus, Consumer<List<C>> beforeChunk, ImportedFile<C> file) {
        this(bus, beforeChunk, file.firstRows(), file.keyColumn(), file,
                InputRows.isWorkbook(file.file()) ? "row" : "line");
    }

    @Override
    public void open(ExecutionContext context) {
        rejected = context.getLong(REJECTED_BY_HANDLERS, 0L);
    }

    @Override
    public void update(ExecutionContext context) {
        if (rejected > 0) {
            context.putLong(REJECTED_BY_HANDLERS, rejected);
        }
    }

    @Override
    public void write(Chunk<? extends RowCommand<C>> chunk) {
        List<C> commands = new ArrayList<>(chunk.size());
        for (RowCommand<C> item : chunk) {
            commands.add(item.command());
        }
        beforeChunk.accept(commands);
        for (RowCommand<C> item : chunk) {
            OptionalLong first = firstRows.claimedBy(item.key());
            if (first.isPresent()) {
                rejections.reject(item.row(), "duplicate", keyColumn, String.format(
                        "%s %d already has this %s; the first row wins: merge the two rows or delete this one",
                        rowWord, first.getAsLong(), keyColumn));
                rejected++;
                continue;
            }
            try {
                bus.handle(item.command());
                firstRows.claim(item.key(), item.row().line());
            } catch (DomainException broken) {
                rejections.reject(item.row(), broken);
                rejected++;
            }
            FaultPoint.reach("row-handled");
        }
    }
}

package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.MessageBus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Hands each command of a chunk to the bus, inside the chunk's transaction. A command that breaks a
 * business rule rejects its row and the others go on; the count of such rows is kept in the step's
 * execution context, so it survives a restart with the chunk it belongs to.
 */
public final class CommandWriter implements ItemWriter<RowCommand>, StepExecutionListener {

    public static final String REJECTED_BY_HANDLERS = "rejected.by.handlers";

    private final MessageBus bus;
    private final RowRejections rejections;
    private StepExecution stepExecution;

    public CommandWriter(MessageBus bus, RowRejections rejections) {
        this.bus = bus;
        this.rejections = rejections;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends RowCommand> chunk) {
        long rejected = 0;
        for (RowCommand item : chunk) {
            try {
                bus.handle(item.command());
            } catch (DomainException broken) {
                rejections.reject(item.row(), broken);
                rejected++;
            }
        }
        if (rejected > 0 && stepExecution != null) {
            var context = stepExecution.getExecutionContext();
            context.putLong(REJECTED_BY_HANDLERS, context.getLong(REJECTED_BY_HANDLERS, 0L) + rejected);
        }
    }
}

package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.DomainException;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Turns a row into its command; a row whose values break a rule is rejected (and filtered out). */
public final class RowToCommandProcessor implements ItemProcessor<CsvRow, RowCommand> {

    private final Function<CsvRow, ? extends Command> toCommand;
    private final RowRejections rejections;

    public RowToCommandProcessor(Function<CsvRow, ? extends Command> toCommand, RowRejections rejections) {
        this.toCommand = toCommand;
        this.rejections = rejections;
    }

    @Override
    public RowCommand process(CsvRow row) {
        try {
            return new RowCommand(row, toCommand.apply(row));
        } catch (DomainException broken) {
            rejections.reject(row, broken);
            return null;
        }
    }
}

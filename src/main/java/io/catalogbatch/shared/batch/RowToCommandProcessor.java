package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.DomainException;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row into its command. A row the reader flagged (a repeated header, cells beyond the header) or
 * whose values break a rule is rejected and filtered out; the others go on to the writer.
 */
public final class RowToCommandProcessor implements ItemProcessor<CsvRow, RowCommand> {

    private final Function<CsvRow, ? extends Command> toCommand;
    private final Function<Command, String> keyOf;
    private final RowRejections rejections;

    public RowToCommandProcessor(Function<CsvRow, ? extends Command> toCommand, Function<Command, String> keyOf,
                                 RowRejections rejections) {
        this.toCommand = toCommand;
        this.keyOf = keyOf;
        this.rejections = rejections;
    }

    @Override
    public RowCommand process(CsvRow row) {
        if (row.hasProblem()) {
            rejections.reject(row, row.problem(), "", row.problemMessage());
            return null;
        }
        try {
            Command command = toCommand.apply(row);
            return new RowCommand(row, command, keyOf.apply(command));
        } catch (DomainException broken) {
            rejections.reject(row, broken);
            return null;
        }
    }
}

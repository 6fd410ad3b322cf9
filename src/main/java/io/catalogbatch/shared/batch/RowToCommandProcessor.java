package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.DomainException;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row into its command. A row the reader flagged (a repeated header, cells beyond the header, a formula) or
 * whose values break a rule is rejected and filtered out; the others go on to the writer.
 */
public final class RowToCommandProcessor<C extends Command> implements ItemProcessor<CsvRow, RowCommand<C>> {

    private final Function<CsvRow, ? extends C> toCommand;
    private final Function<? super C, String> keyOf;
    private final RowRejections rejections;

    public RowToCommandProcessor(Function<CsvRow, ? extends C> toCommand, Function<? super C, String> keyOf,
                                 RowRejections rejections) {
        this.toCommand = toCommand;
        this.keyOf = keyOf;
        this.rejections = rejections;
    }

    /** The processor of the rows of this file. */
    public RowToCommandProcessor(ImportedFile<C> file) {
        this(file.toCommand(), file.keyOf(), file);
    }

    @Override
    public RowCommand<C> process(CsvRow row) {
        if (row.hasProblem()) {
            rejections.reject(row, row.problem(), row.problemColumn(), row.problemMessage());
            return null;
        }
        try {
            C command = toCommand.apply(row);
            return new RowCommand<>(row, command, keyOf.apply(command));
        } catch (DomainException broken) {
            rejections.reject(row, broken);
            return null;
        }
    }
}

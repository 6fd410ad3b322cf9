package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.service.NamesAhead;
import io.catalogbatch.shared.batch.InputRows;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.RowSource;
import io.catalogbatch.shared.domain.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a models file says, for the successor rule ({@link NamesAhead}): read again from its first row, the
 * command of each row the import's processor would pass on (no problem found by the reader, valid values).
 */
record ModelsFileRows(Path file, CsvReadOptions options) implements NamesAhead.ModelsFile {

    @Override
    public void forEachValidRow(Consumer<AddModel> action) {
        try (RowSource source = InputRows.open(file, options)) {
            boolean exported = ExportedWorkbook.exportedByCatalogBatch(source);
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                AddModel command = row.hasProblem() ? null : commandOrNull(row, exported);
                if (command != null) {
                    action.accept(command);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " again", e);
        }
    }

    private static AddModel commandOrNull(CsvRow row, boolean exported) {
        try {
            return new ModelRow(row, exported).toCommand();
        } catch (DomainException invalidRow) {
            return null; // an invalid row adds no model
        }
    }
}

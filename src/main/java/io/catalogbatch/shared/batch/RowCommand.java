package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.Command;

/** A row and the command it became. */
public record RowCommand(CsvRow row, Command command) {
}

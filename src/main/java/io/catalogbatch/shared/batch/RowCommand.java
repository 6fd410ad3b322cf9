package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.Command;

/** A row, the command it became, and the key it claims in its file (the first valid row for a key wins). */
public record RowCommand<C extends Command>(CsvRow row, C command, String key) {
}

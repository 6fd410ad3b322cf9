package io.catalogbatch.allocation.entrypoints.batch;

import io.catalogbatch.shared.csv.CsvRow;
import java.nio.file.Path;

/** A row of an input file that was not taken, with the reason code, the column concerned (or empty) and what to do. */
public record RejectedRow(Path file, CsvRow row, String reason, String field, String message) {

    /** The physical line the row starts on. */
    public long line() {
        return row.line();
    }
}

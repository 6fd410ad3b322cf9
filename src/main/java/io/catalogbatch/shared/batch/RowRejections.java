package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.DomainException;

/** Where a step reports the rows it rejects, with the rule they broke, in the user's words. */
public interface RowRejections {

    void reject(CsvRow row, String reason, String field, String message);

    default void reject(CsvRow row, DomainException broken) {
        reject(row, broken.reason(), broken.field(), broken.getMessage());
    }
}

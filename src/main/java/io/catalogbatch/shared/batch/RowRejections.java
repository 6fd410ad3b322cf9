package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.DomainException;

/** Where a step reports the rows it rejects, with the rule they broke. */
public interface RowRejections {

    void reject(CsvRow row, DomainException broken);
}

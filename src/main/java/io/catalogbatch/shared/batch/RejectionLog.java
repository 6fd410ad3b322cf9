package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.DomainException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rows a run rejected, per input file, in the user's words. */
public final class RejectionLog {

    /** One rejected row. */
    public record Rejection(String file, long line, String reason, String field, String message) {
        @Override
        public String toString() {
            return String.format("%s line %d%s: %s (%s)", file, line, field.isEmpty() ? "" : ", column " + field,
                    message, reason);
        }
    }

    private final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());

    /** The rejections of one input file. */
    public RowRejections forFile(String file) {
        return (CsvRow row, DomainException broken) ->
                rejections.add(new Rejection(file, row.line(), broken.reason(), broken.field(), broken.getMessage()));
    }

    public List<Rejection> all() {
        return List.copyOf(rejections);
    }
}

package io.catalogbatch.shared.xlsx;

/** More rows than a sheet holds: a spreadsheet has 1,048,576 rows, the header among them. */
public final class TooManyRows extends IllegalStateException {

    public TooManyRows(String sheet, long limit) {
        super(String.format("the %s sheet holds at most %,d rows below its header, and there are more", sheet, limit));
    }

    public TooManyRows(String message) {
        super(message);
    }
}

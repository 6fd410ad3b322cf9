package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.InvalidValue;

/** Quantities are whole numbers with a lower bound: at least 0 for a batch, at least 1 for an order line. */
public final class Quantities {

    /** The least quantity of a batch: an empty batch is allowed. */
    public static final int BATCH_MIN = 0;
    /** The least quantity of an order line. */
    public static final int LINE_MIN = 1;

    private Quantities() {
    }

    /**
     * The quantity written in a cell: trimmed ASCII digits, no sign, no decimals, no exponent. Empty is
     * {@code missing-field}; anything else that is not a whole number of at least {@code min} is {@code bad-value}.
     */
    public static int parse(String cell, String field, int min) {
        String value = Identifiers.trim(cell == null ? "" : cell);
        if (value.isEmpty()) {
            throw new InvalidValue("missing-field", field, String.format("%s is empty; write a whole number", field));
        }
        boolean digits = value.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw new InvalidValue("bad-value", field, String.format(
                    "%s \"%s\" is not a whole number of at least %d (digits only: no sign, decimals or units)",
                    field, value, min));
        }
        String significant = value.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > Integer.MAX_VALUE) {
            throw new InvalidValue("bad-value", field, String.format(
                    "%s \"%s\" is too large; at most %,d", field, value, Integer.MAX_VALUE));
        }
        return check(Integer.parseInt(significant), field, min);
    }

    /** The quantity, or {@code bad-value} when it is below {@code min}. */
    public static int check(int qty, String field, int min) {
        if (qty < min) {
            throw new InvalidValue("bad-value", field, String.format("%s is %d; it must be at least %d", field, qty, min));
        }
        return qty;
    }
}

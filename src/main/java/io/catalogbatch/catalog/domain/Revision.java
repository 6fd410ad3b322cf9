package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.InvalidValue;

/** The revision a row says it was exported at: optional, a whole number when given. */
public final class Revision {

    private Revision() {
    }

    /** The expected revision of a cell, or {@link Model#ANY_REVISION} for an empty one. */
    public static long expected(String cell) {
        String value = Text.trim(cell);
        if (value.isEmpty()) {
            return Model.ANY_REVISION;
        }
        if (value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValue("bad-value", "revision", String.format(
                    "revision \"%s\" is not a whole number; keep the revision of the export, or leave it empty", cell));
        }
        return Long.parseLong(value);
    }
}

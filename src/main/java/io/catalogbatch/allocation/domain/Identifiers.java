package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.InvalidValue;
import io.catalogbatch.shared.domain.WhiteSpace;

/**
 * The rule of the allocation identifiers (order ids, skus, batch refs; SPEC §2): trimmed of Unicode
 * White_Space (NBSP included), required, and otherwise kept as written, so that they compare
 * case-sensitively ({@code s1} is not {@code S1}).
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** The trimmed identifier, or {@code missing-field} on {@code field} when nothing is left. */
    public static String required(String raw, String field) {
        String value = trim(raw == null ? "" : raw);
        if (value.isEmpty()) {
            throw new InvalidValue("missing-field", field, String.format("%s is empty; every row needs one", field));
        }
        return value;
    }

    static String trim(String s) {
        return WhiteSpace.trim(s);
    }
}

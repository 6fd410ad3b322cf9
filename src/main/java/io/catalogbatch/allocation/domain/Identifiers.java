package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.InvalidValue;

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
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Unicode's White_Space property (NBSP and NEL included), which {@link String#strip()} does not follow. */
    private static boolean isWhiteSpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }
}

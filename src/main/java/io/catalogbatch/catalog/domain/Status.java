package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.InvalidValue;
import java.util.Locale;

/** A model's life-cycle status. */
public enum Status {
    ACTIVE, DEPRECATED, ARCHIVED;

    /** Read for every row: {@code values()} copies its array at each call. */
    private static final Status[] ALL = values();

    private final String code = name().toLowerCase(Locale.ROOT);

    /** Parses a status cell: trimmed, case-insensitive; an empty cell means {@link #ACTIVE}. */
    public static Status of(String raw) {
        String value = Text.trim(raw).toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return ACTIVE;
        }
        for (Status status : ALL) {
            if (status.code.equals(value)) {
                return status;
            }
        }
        throw new InvalidValue("bad-value", "status", String.format(
                "status \"%s\" is not one of active, deprecated, archived", raw));
    }

    /** The lower-case word used in files and on the command line. */
    public String code() {
        return code;
    }
}

package io.catalogbatch.catalog.domain;

import java.util.Locale;

/** The fields of a model a row may set, besides its name, tags and revision. */
public enum ModelField {
    DESCRIPTION, TASK, FRAMEWORK, LICENSE, URL, CREATED, SUCCESSOR, STATUS;

    /** Asked for every field of every row: made once. */
    private final String column = name().toLowerCase(Locale.ROOT);

    /** The column name in catalog files. */
    public String column() {
        return column;
    }
}

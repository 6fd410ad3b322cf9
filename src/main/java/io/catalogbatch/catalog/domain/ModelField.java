package io.catalogbatch.catalog.domain;

import java.util.Locale;

/** The fields of a model a row may set, besides its name, tags and revision. */
public enum ModelField {
    DESCRIPTION, TASK, FRAMEWORK, LICENSE, URL, CREATED, SUCCESSOR, STATUS;

    /** The column name in catalog files. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}

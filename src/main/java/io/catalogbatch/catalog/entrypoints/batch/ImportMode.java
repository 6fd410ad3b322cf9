package io.catalogbatch.catalog.entrypoints.batch;

import java.util.Locale;

/** How an import treats tags: {@code merge} adds and removes as the rows say; {@code replace} sets them. */
public enum ImportMode {
    MERGE, REPLACE;

    public static ImportMode of(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    }
}

package io.catalogbatch.catalog.service.search;

import java.util.Locale;

/** What search results are sorted by; ties always go by name key. */
public enum SortField {
    NAME, CREATED, REVISION;

    public static SortField of(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }
}

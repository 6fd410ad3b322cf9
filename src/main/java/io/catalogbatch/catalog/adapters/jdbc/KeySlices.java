package io.catalogbatch.catalog.adapters.jdbc;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Many name keys asked about in a few {@code name_key in (...)} queries of 100 keys each: databases limit the
 * parameters of one statement (PostgreSQL: 32,767), and H2 tests a parameter {@code in} list value by value
 * (with 1,000 keys a query, 13 % of a re-import went into that comparison).
 */
final class KeySlices {

    static final int KEYS_PER_QUERY = 100;

    private KeySlices() {
    }

    /** Calls {@code query} with each slice of distinct keys and its condition, {@code name_key in (?, ...)}. */
    static void forEach(Collection<String> keys, BiConsumer<List<String>, String> query) {
        List<String> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += KEYS_PER_QUERY) {
            List<String> slice = distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_QUERY));
            query.accept(slice, "name_key in (" + marks(slice.size()) + ")");
        }
    }

    /** {@code count} parameter marks: {@code ?, ?, ...}. */
    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import java.util.ArrayList;
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
        of(keys).forEach(slice -> query.accept(slice, condition(slice.size())));
    }

    /** The distinct keys, in slices of at most {@link #KEYS_PER_QUERY}. */
    static List<List<String>> of(Collection<String> keys) {
        List<String> distinct = keys.stream().distinct().toList();
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += KEYS_PER_QUERY) {
            slices.add(distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_QUERY)));
        }
        return slices;
    }

    /** {@code name_key in (?, ...)} with {@code count} marks. */
    static String condition(int count) {
        return "name_key in (" + marks(count) + ")";
    }

    /** {@code count} parameter marks: {@code ?, ?, ...}. */
    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}

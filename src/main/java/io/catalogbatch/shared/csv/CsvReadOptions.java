package io.catalogbatch.shared.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV file: the charset of a file without BOM (UTF-8, or the user's {@code --charset}), the
 * columns the reader knows (to sniff the delimiter and refuse a known column given twice) and the ones it
 * requires. Names are normalised with {@link CsvHeader#normalise}; a required column is also known.
 */
public record CsvReadOptions(Charset charsetWithoutBom, Set<String> knownColumns, Set<String> requiredColumns) {

    public CsvReadOptions {
        Objects.requireNonNull(charsetWithoutBom, "charsetWithoutBom");
        requiredColumns = normalised(requiredColumns);
        Set<String> known = new HashSet<>(normalised(knownColumns));
        known.addAll(requiredColumns);
        knownColumns = Set.copyOf(known);
    }

    /** UTF-8 without BOM, these known and required columns. */
    public static CsvReadOptions utf8(Set<String> knownColumns, Set<String> requiredColumns) {
        return new CsvReadOptions(StandardCharsets.UTF_8, knownColumns, requiredColumns);
    }

    public CsvReadOptions withCharset(Charset charset) {
        return new CsvReadOptions(charset, knownColumns, requiredColumns);
    }

    private static Set<String> normalised(Set<String> names) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            out.add(CsvHeader.normalise(name));
        }
        return Set.copyOf(out);
    }
}

package io.catalogbatch.shared.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to read an input file: the charset of a CSV file without BOM (UTF-8, or the user's {@code --charset}), the
 * columns the reader knows (to sniff the delimiter and refuse a known column given twice) and the ones it
 * requires, and for a workbook the sheet to read (else its first sheet; empty: the first sheet). Names are
 * normalised with {@link CsvHeader#normalise}; a required column is also known.
 */
public record CsvReadOptions(Charset charsetWithoutBom, Set<String> knownColumns, Set<String> requiredColumns,
                             String sheet) {

    public CsvReadOptions {
        Objects.requireNonNull(charsetWithoutBom, "charsetWithoutBom");
        Objects.requireNonNull(sheet, "sheet");
        requiredColumns = normalised(requiredColumns);
        Set<String> known = new HashSet<>(normalised(knownColumns));
        known.addAll(requiredColumns);
        knownColumns = Set.copyOf(known);
    }

    /** No sheet named: a workbook's first sheet is read. */
    public CsvReadOptions(Charset charsetWithoutBom, Set<String> knownColumns, Set<String> requiredColumns) {
        this(charsetWithoutBom, knownColumns, requiredColumns, "");
    }

    /** UTF-8 without BOM, these known and required columns. */
    public static CsvReadOptions utf8(Set<String> knownColumns, Set<String> requiredColumns) {
        return new CsvReadOptions(StandardCharsets.UTF_8, knownColumns, requiredColumns);
    }

    public CsvReadOptions withCharset(Charset charset) {
        return new CsvReadOptions(charset, knownColumns, requiredColumns, sheet);
    }

    /** A workbook's sheet of that name is read, or its first sheet when it has none of that name. */
    public CsvReadOptions withSheet(String name) {
        return new CsvReadOptions(charsetWithoutBom, knownColumns, requiredColumns, name);
    }

    private static Set<String> normalised(Set<String> names) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            out.add(CsvHeader.normalise(name));
        }
        return Set.copyOf(out);
    }
}

package io.catalogbatch.shared.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header record of a CSV file (or the header row of a sheet): the names as written, their normalised forms,
 * and the column index of each normalised name (the first one, when an unknown name repeats). Checks what
 * refuses a file.
 */
public record HeaderLine(long line, List<String> names, List<String> keys, Map<String, Integer> columns) {

    public static final int MAX_COLUMNS = 1000;

    public HeaderLine {
        names = List.copyOf(names);
        keys = List.copyOf(keys);
        columns = Map.copyOf(columns);
    }

    static HeaderLine of(Path file, RecordCursor.Record record, CsvReadOptions options) {
        return of(file, record.line(), record.cells(), options);
    }

    /** The header at {@code line} (a sheet's row number) with these names; refuses what refuses a file. */
    public static HeaderLine of(Path file, long line, List<String> names, CsvReadOptions options) {
        if (names.size() > MAX_COLUMNS) {
            throw CsvFileRefused.tooManyColumns(file, line, names.size(), MAX_COLUMNS);
        }
        List<String> keys = new ArrayList<>(names.size());
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String key = CsvHeader.normalise(names.get(i));
            keys.add(key);
            if (key.isEmpty()) {
                continue;
            }
            Integer first = columns.putIfAbsent(key, i);
            if (first != null && options.knownColumns().contains(key)) {
                throw CsvFileRefused.duplicateColumn(file, line, key, first + 1, i + 1);
            }
        }
        for (String required : options.requiredColumns().stream().sorted().toList()) {
            if (!columns.containsKey(required)) {
                throw CsvFileRefused.missingColumn(file, line, required, names);
            }
        }
        return new HeaderLine(line, names, keys, columns);
    }

    /** {@code repeated-header}, {@code extra-field} or empty: what is wrong with a data row as a whole. */
    public String problemOf(List<String> cells) {
        if (repeats(cells)) {
            return CsvRow.REPEATED_HEADER;
        }
        for (int i = keys.size(); i < cells.size(); i++) {
            if (!RecordCursor.blank(cells.get(i))) {
                return CsvRow.EXTRA_FIELD;
            }
        }
        return "";
    }

    /**
     * The header again, cell for cell as written (BOM and surrounding white space aside), short rows padded
     * with empty cells: what concatenated exports repeat. Not merely equal once normalised, or a model
     * named "Model" tagged "tag" would look like the header of a tags file.
     */
    private boolean repeats(List<String> cells) {
        int width = Math.max(cells.size(), names.size());
        for (int i = 0; i < width; i++) {
            String name = i < names.size() ? plain(names.get(i)) : "";
            String cell = i < cells.size() ? plain(cells.get(i)) : "";
            if (!cell.equals(name)) {
                return false;
            }
        }
        return true;
    }

    private static String plain(String cell) {
        return cell.replace("\uFEFF", "").strip();
    }
}

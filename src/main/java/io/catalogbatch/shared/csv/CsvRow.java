package io.catalogbatch.shared.csv;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of a CSV file: the physical line it starts on, its cells as written, the cells by
 * normalised column name (only the columns the header has), and what is wrong with the row as a whole:
 * empty when nothing, else {@link #REPEATED_HEADER} or {@link #EXTRA_FIELD} (a row reason code).
 */
public record CsvRow(long line, List<String> cells, Map<String, Integer> columns, String problem) {

    /** A row equal to the header once normalised, as in concatenated exports. */
    public static final String REPEATED_HEADER = "repeated-header";
    /** A row with non-blank cells beyond the header's width. */
    public static final String EXTRA_FIELD = "extra-field";

    public CsvRow {
        cells = List.copyOf(cells);
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(problem, "problem");
    }

    /** A row without problem. */
    public CsvRow(long line, List<String> cells, Map<String, Integer> columns) {
        this(line, cells, columns, "");
    }

    public boolean hasProblem() {
        return !problem.isEmpty();
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The cell of a column, empty when the header lacks the column or the row is short. */
    public String get(String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    /** What is wrong with a row the reader flagged, and what to do, in the user's words; empty when fine. */
    public String problemMessage() {
        if (REPEATED_HEADER.equals(problem)) {
            return "this row repeats the header line (two exports pasted together?); delete it";
        }
        if (EXTRA_FIELD.equals(problem)) {
            return String.format("this row has cells beyond the %d columns of the header; "
                    + "quote cells that contain the delimiter, or add a column name for them", columns.size());
        }
        return "";
    }
}

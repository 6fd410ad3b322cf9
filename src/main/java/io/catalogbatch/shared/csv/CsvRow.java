package io.catalogbatch.shared.csv;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of an input file: where it is (the physical line a CSV record starts on, or a sheet's row number),
 * its cells as written, the cells by normalised column name (only the columns the header has), and what is wrong
 * with the row as a whole: empty when nothing, else {@link #REPEATED_HEADER}, {@link #EXTRA_FIELD} or
 * {@link #FORMULA} (a row reason code), with the column it concerns where it concerns one.
 */
public record CsvRow(long line, List<String> cells, Map<String, Integer> columns, String problem,
                     String problemColumn) {

    /** A row equal to the header once normalised, as in concatenated exports. */
    public static final String REPEATED_HEADER = "repeated-header";
    /** A row with non-blank cells beyond the header's width. */
    public static final String EXTRA_FIELD = "extra-field";
    /** A workbook's formula cell in a column the import reads: the row is rejected as {@code bad-value}. */
    public static final String FORMULA = "bad-value";

    public CsvRow {
        cells = List.copyOf(cells);
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(problemColumn, "problemColumn");
    }

    /** A row with a problem of the row as a whole (no column). */
    public CsvRow(long line, List<String> cells, Map<String, Integer> columns, String problem) {
        this(line, cells, columns, problem, "");
    }

    /** A row without problem. */
    public CsvRow(long line, List<String> cells, Map<String, Integer> columns) {
        this(line, cells, columns, "");
    }

    /** Empty or only white space (no-break spaces included): a cell that makes no row. */
    public static boolean blank(String cell) {
        return RecordCursor.blank(cell);
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
        if (FORMULA.equals(problem)) {
            return String.format("the cell in column \"%s\" is a formula: type the value, not a formula "
                    + "(copy the cell, then paste it as values only)", problemColumn);
        }
        return "";
    }
}

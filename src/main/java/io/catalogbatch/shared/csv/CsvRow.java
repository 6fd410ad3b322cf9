package io.catalogbatch.shared.csv;

import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV file: the physical line it starts on, its cells as written, and the cells by
 * normalised column name (only the columns the header has).
 */
public record CsvRow(long line, List<String> cells, Map<String, Integer> columns) {

    public CsvRow {
        cells = List.copyOf(cells);
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The cell of a column, empty when the header lacks the column or the row is short. */
    public String get(String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }
}

package io.catalogbatch.shared.csv;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The data rows of one input file, whatever holds them: a CSV file ({@link CsvSource}) or a workbook's sheet
 * ({@code shared.xlsx.SheetSource}). Each row carries where it is (a CSV file's physical start line, a sheet's row
 * number), its cells as text, and what is wrong with it as a whole; blank rows are never handed out. What breaks
 * the file itself throws {@link CsvFileRefused}, possibly only when reading gets there (use {@link #scan} to check
 * a whole file first).
 */
public interface RowSource extends Closeable {

    /** The next data row (blank rows skipped), or null at the end. */
    CsvRow next();

    /** Reads past up to {@code rows} data rows (to resume after a restart); returns how many there were. */
    default long skip(long rows) {
        long skipped = 0;
        while (skipped < rows && next() != null) {
            skipped++;
        }
        return skipped;
    }

    /** Reads the rest, handing each data row to {@code eachRow}; returns how many there were. */
    default long scan(Consumer<CsvRow> eachRow) {
        long rows = 0;
        for (CsvRow row = next(); row != null; row = next()) {
            eachRow.accept(row);
            rows++;
        }
        return rows;
    }

    Path file();

    /** How the rows were read, for people: {@code UTF-8 with BOM}, {@code xlsx}... */
    String encoding();

    /** What separates the cells, for people: {@code comma}, {@code semicolon}, {@code sheet "models"}... */
    String delimiterName();

    /** The header names as written. */
    List<String> header();

    /** Normalised column name to its index (the first one, for an unknown name that repeats). */
    Map<String, Integer> columns();

    /**
     * The text of cell A1 of another sheet of the same workbook (a mark such as an export's {@code about} sheet),
     * empty when the input is no workbook or has no such sheet.
     */
    default Optional<String> firstCellOf(String sheet) {
        return Optional.empty();
    }

    @Override
    void close();
}

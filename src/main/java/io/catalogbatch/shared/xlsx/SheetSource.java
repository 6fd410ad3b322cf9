package io.catalogbatch.shared.xlsx;

import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvSource;
import io.catalogbatch.shared.csv.HeaderLine;
import io.catalogbatch.shared.csv.RowSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;

/**
 * The data rows of one sheet of an xlsx workbook, streamed (docs/spreadsheets.md, "The import"): the sheet named
 * by {@link CsvReadOptions#sheet()}, else the first; its first non-blank row is the header, checked as a CSV
 * header is (SPEC §3); each data row's {@link CsvRow#line()} is its row number in the sheet. Blank rows (empty
 * styled rows below the data included) are nothing. A formula cell in a column the import reads flags its row
 * ({@link CsvRow#FORMULA}). What is no readable xlsx workbook, a sheet with merged cells, a zip bomb or a row
 * beyond {@link CsvSource#MAX_RECORD_CHARS} characters throws {@link CsvFileRefused}.
 */
public final class SheetSource implements RowSource {

    /** What the summary says a workbook was read as (in place of a CSV file's encoding). */
    public static final String ENCODING = "xlsx";

    private final WorkbookPackage workbook;
    private final SharedStrings strings;
    private final ShownValues shown;
    private final String sheet;
    private final SheetCursor cursor;
    private final HeaderLine header;
    private final CsvReadOptions options;
    private final Map<String, Optional<String>> firstCells = new HashMap<>();

    private SheetSource(WorkbookPackage workbook, SharedStrings strings, ShownValues shown, String sheet,
                        SheetCursor cursor, HeaderLine header, CsvReadOptions options) {
        this.workbook = workbook;
        this.strings = strings;
        this.shown = shown;
        this.sheet = sheet;
        this.cursor = cursor;
        this.header = header;
        this.options = options;
    }

    /**
     * Opens a workbook and reads its sheet as far as the header.
     *
     * @throws CsvFileRefused when the file is no readable xlsx workbook, or the sheet's header refuses it
     * @throws IOException when the file cannot be read at all
     */
    public static SheetSource open(Path file, CsvReadOptions options) throws IOException {
        return open(file, options, CsvSource.MAX_RECORD_CHARS);
    }

    static SheetSource open(Path file, CsvReadOptions options, int rowLimit) throws IOException {
        WorkbookPackage workbook = WorkbookPackage.open(file);
        SheetCursor cursor = null;
        SharedStrings strings = null;
        try {
            strings = SheetStrings.of(workbook.opc());
            StylesTable styles = workbook.reader().getStylesTable();
            ShownValues shown = new ShownValues(styles, workbook.date1904());
            WorkbookPackage.SheetRef sheet = workbook.sheet(options.sheet()).orElse(workbook.firstSheet());
            cursor = new SheetCursor(file, sheet.name(), workbook.sheetData(sheet), strings, shown, rowLimit);
            HeaderLine header = header(file, sheet.name(), cursor, options);
            return new SheetSource(workbook, strings, shown, sheet.name(), cursor, header, options);
        } catch (CsvFileRefused refusal) {
            close(workbook, cursor, strings);
            throw refusal;
        } catch (Exception | LinkageError unreadable) {
            close(workbook, cursor, strings);
            throw WorkbookPackage.unreadable(file, unreadable);
        }
    }

    /** The first non-blank row, checked as a CSV header; a sheet with none is refused as empty. */
    private static HeaderLine header(Path file, String sheet, SheetCursor cursor, CsvReadOptions options) {
        for (SheetCursor.SheetRow row = cursor.next(); row != null; row = cursor.next()) {
            if (!blank(row.cells())) {
                try {
                    return HeaderLine.of(file, row.number(), row.cells(), options);
                } catch (CsvFileRefused refusal) {
                    // the CSV reader's words, with the sheet's row where they say a file's line
                    throw new CsvFileRefused(file, refusal.reason(), refusal.line(), refusal.column(),
                            refusal.getMessage().replace(file + " line " + row.number(),
                                    file + " sheet \"" + sheet + "\" row " + row.number())
                                    .replace("to the first line", "to the header row"));
                }
            }
        }
        throw new CsvFileRefused(file, CsvFileRefused.EMPTY_FILE, 0, "", file + " sheet \"" + sheet + "\" is empty: "
                + "it has no header row, only blank rows. Put the column names in its first row, the models below, "
                + "and import again.");
    }

    @Override
    public CsvRow next() {
        for (SheetCursor.SheetRow row = cursor.next(); row != null; row = cursor.next()) {
            if (blank(row.cells()) && formulaColumn(row).isEmpty()) {
                continue;
            }
            String problem = header.problemOf(row.cells());
            String column = "";
            if (problem.isEmpty()) {
                column = formulaColumn(row);
                problem = column.isEmpty() ? "" : CsvRow.FORMULA;
            }
            return new CsvRow(row.number(), row.cells(), header.columns(), problem, column);
        }
        return null;
    }

    /** The first column the import reads whose cell in this row is a formula; empty when none. */
    private String formulaColumn(SheetCursor.SheetRow row) {
        for (int column : row.formulas()) {
            if (column < header.keys().size()) {
                String key = header.keys().get(column);
                if (!key.isEmpty() && (options.knownColumns().isEmpty() || options.knownColumns().contains(key))) {
                    return key;
                }
            }
        }
        return "";
    }

    @Override
    public Path file() {
        return workbook.file();
    }

    @Override
    public String encoding() {
        return ENCODING;
    }

    /** Where the rows were: {@code sheet "models"}. */
    @Override
    public String delimiterName() {
        return "sheet \"" + sheet + "\"";
    }

    /** The name of the sheet read. */
    public String sheet() {
        return sheet;
    }

    @Override
    public List<String> header() {
        return header.names();
    }

    @Override
    public Map<String, Integer> columns() {
        return header.columns();
    }

    /** Cell A1 of the sheet of that name (case ignored), read from that sheet's own part; empty when none. */
    @Override
    public Optional<String> firstCellOf(String name) {
        return firstCells.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> workbook.sheet(name)
                .flatMap(other -> {
                    try (SheetCursor rows = new SheetCursor(file(), other.name(), workbook.sheetData(other), strings,
                            shown, CsvSource.MAX_RECORD_CHARS)) {
                        SheetCursor.SheetRow first = rows.next();
                        return first != null && first.number() == 1 && !first.cells().isEmpty()
                                ? Optional.of(first.cells().get(0)) : Optional.empty();
                    }
                }));
    }

    @Override
    public void close() {
        close(workbook, cursor, strings);
    }

    private static void close(WorkbookPackage workbook, SheetCursor cursor, SharedStrings strings) {
        try {
            if (cursor != null) {
                cursor.close();
            }
            SheetStrings.close(strings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary file of a workbook's texts", e);
        } finally {
            workbook.close();
        }
    }

    private static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (!CsvRow.blank(cell)) {
                return false;
            }
        }
        return true;
    }
}

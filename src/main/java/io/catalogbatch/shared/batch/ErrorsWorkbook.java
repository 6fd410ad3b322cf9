package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvHeader;
import io.catalogbatch.shared.xlsx.TextSheet;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import io.catalogbatch.shared.xlsx.TooManyRows;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * The errors file of an input workbook (issue #21), made from its errors CSV ({@link RejectsFile}) once the run's
 * rejects are complete: one sheet named as the input's, the original columns with their header names as written,
 * then {@code error_line,error_reason,error_field,error_message}; every cell text; in each row the offending cell
 * (the column {@code error_field} names; the row's original cells when it names none of them) filled and given a
 * note with the message. The CSV stays the durable record: the workbook is made again from it whole, so a run
 * resumed after a failure gives one workbook with every reject once. Streamed, except the notes: POI holds a
 * sheet's notes in memory, so only the first {@code maxNotes} rows get one (every row keeps its highlight and its
 * {@code error_*} cells).
 */
public final class ErrorsWorkbook {

    /** Rows that get a note: POI keeps about 2 KB per note in memory (docs/spreadsheets.md). */
    public static final int MAX_NOTES = 10_000;

    /** A sheet of lines of text after the errors (its name and lines), e.g. a mark an import recognises. */
    public record About(String sheet, List<String> lines) {
        public About {
            lines = List.copyOf(lines);
        }
    }

    private final int maxRows;
    private final int maxNotes;

    /** Sheets of {@link TextWorkbook#MAX_DATA_ROWS} rows, {@link #MAX_NOTES} notes. */
    public ErrorsWorkbook() {
        this(TextWorkbook.MAX_DATA_ROWS, MAX_NOTES);
    }

    /** Smaller limits, for tests. */
    public ErrorsWorkbook(int maxRows, int maxNotes) {
        this.maxRows = maxRows;
        this.maxNotes = maxNotes;
    }

    /**
     * Writes {@code target} (whole or not at all) from the errors CSV. Returns false, and leaves no workbook at
     * {@code target}, when the rejects do not fit in a sheet (more rows than it holds, or a value longer than a cell's
     * 32,767 characters, which only a CSV input can have): the CSV is then the errors file.
     *
     * @param about null for no such sheet
     */
    public boolean write(Path errorsCsv, Path target, String sheet, About about) throws IOException {
        try {
            TextWorkbook.writeAtomically(target, maxRows, workbook -> fill(workbook, errorsCsv, sheet, about));
            return true;
        } catch (TooManyRows | DoesNotFit tooMuch) {
            Files.deleteIfExists(target); // one an earlier attempt of the run wrote
            return false;
        }
    }

    /** A value longer than a cell holds: cut, it would import back changed, so the CSV stays the errors file. */
    private static final class DoesNotFit extends RuntimeException {
        DoesNotFit(long line) {
            super("line " + line + " has a value longer than a cell holds");
        }
    }

    private void fill(TextWorkbook workbook, Path errorsCsv, String sheetName, About about) throws IOException {
        String name = WorkbookUtil.createSafeSheetName(sheetName);
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setPath(errorsCsv).get(),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = records.hasNext() ? records.next().toList() : RejectsFile.ERROR_COLUMNS;
            int original = header.size() - RejectsFile.ERROR_COLUMNS.size();
            TextSheet errors = workbook.table(name, header);
            long notes = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    // The CSV guards formula-like values with a ': a text cell needs none, and imports back as typed.
                    String value = i < original ? CsvFlavour.fromSpreadsheet(record.get(i)) : record.get(i);
                    if (value.length() > TextWorkbook.MAX_CELL_CHARS) {
                        throw new DoesNotFit(record.getRecordNumber());
                    }
                    cells.add(value);
                }
                String reason = cell(record, original + 1);
                String field = cell(record, original + 2);
                String message = cell(record, original + 3);
                String note = notes < maxNotes ? message + " (" + reason + ")" : null;
                errors.row(cells, flag(header, original, field, note));
                notes += note == null ? 0 : 1;
            }
            errors.finish();
        }
        if (about != null && !about.sheet().equalsIgnoreCase(name)) {
            TextSheet lines = workbook.lines(about.sheet());
            for (String line : about.lines()) {
                lines.row(line);
            }
            lines.finish();
        }
    }

    /** The cell of the column {@code field} names among the original ones; else the row's original cells. */
    private static TextSheet.Flag flag(List<String> header, int original, String field, String note) {
        String wanted = CsvHeader.normalise(field);
        for (int c = 0; c < original && !wanted.isEmpty(); c++) {
            if (CsvHeader.normalise(header.get(c)).equals(wanted)) {
                return new TextSheet.Flag(c, c, note);
            }
        }
        return new TextSheet.Flag(0, Math.max(0, original - 1), note);
    }

    private static String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }
}

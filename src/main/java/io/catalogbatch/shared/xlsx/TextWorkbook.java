package io.catalogbatch.shared.xlsx;

import io.catalogbatch.shared.csv.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * An xlsx workbook of text sheets, written as a stream (POI SXSSF: a window of rows in memory, the rest in a
 * temporary file), so a sheet of a million rows needs no more memory than one of ten. Every cell is an inline
 * string ({@code t="inlineStr"}) with the text format {@code @}, and so is every column's default style: a
 * spreadsheet program keeps {@code 007}, {@code 3.0} or {@code =1+2} as written, in the cells written here and in
 * those a user adds. Shared strings are not used: with SXSSF they are held in memory (docs/spreadsheets.md).
 */
public final class TextWorkbook implements AutoCloseable {

    /** Rows of a sheet below its header: 1,048,576 rows in all. */
    public static final int MAX_DATA_ROWS = 1_048_575;
    /** Characters a cell holds. */
    public static final int MAX_CELL_CHARS = 32_767;

    /**
     * The fill of a {@link TextSheet.Flag flagged} cell: a light red (Excel's "bad" cell style), a solid fill with
     * an RGB colour, which LibreOffice and Gnumeric keep when they save the workbook again.
     */
    public static final String HIGHLIGHT_RGB = "FFC7CE";

    private static final int ROWS_IN_MEMORY = 100;

    private final SXSSFWorkbook workbook;
    private final CellStyle text;
    private final CellStyle header;
    private final CellStyle highlighted;
    private final int maxDataRows;

    /** A workbook whose sheets hold at most {@link #MAX_DATA_ROWS} data rows. */
    public TextWorkbook() {
        this(MAX_DATA_ROWS);
    }

    /** A workbook whose sheets hold at most {@code maxDataRows} data rows (a test's small limit). */
    public TextWorkbook(int maxDataRows) {
        if (maxDataRows < 1 || maxDataRows > MAX_DATA_ROWS) {
            throw new IllegalArgumentException("a sheet holds 1 to " + MAX_DATA_ROWS + " data rows, not " + maxDataRows);
        }
        this.maxDataRows = maxDataRows;
        this.workbook = new SXSSFWorkbook(null, ROWS_IN_MEMORY, false, false);
        this.text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        this.header = workbook.createCellStyle();
        header.cloneStyleFrom(text);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        XSSFCellStyle fill = (XSSFCellStyle) workbook.createCellStyle();
        fill.cloneStyleFrom(text);
        // ARGB, opaque: Gnumeric ignores an RGB colour of three bytes (which POI would write as it is given)
        fill.setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex("FF" + HIGHLIGHT_RGB), null));
        fill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        this.highlighted = fill;
    }

    /** Writes a workbook into {@code target} so that no one sees half of it (temporary file, then a move). */
    public static void writeAtomically(Path target, int maxDataRows, Content content) throws IOException {
        AtomicFile.write(target, out -> {
            try (TextWorkbook workbook = new TextWorkbook(maxDataRows)) {
                content.fill(workbook);
                workbook.writeTo(out);
            }
        });
    }

    /** What goes into a workbook; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        void fill(TextWorkbook workbook) throws IOException;
    }

    public int maxDataRows() {
        return maxDataRows;
    }

    /** A sheet with a bold, frozen header row and an autofilter over these columns, at most {@link #maxDataRows()} rows. */
    public TextSheet table(String name, List<String> columns) {
        return new TextSheet(workbook.createSheet(name), List.copyOf(columns), text, header, highlighted,
                maxDataRows);
    }

    /** A sheet of lines of text in its first column, no header (a note, not data: the row limit is the sheet's). */
    public TextSheet lines(String name) {
        return new TextSheet(workbook.createSheet(name), List.of(), text, header, highlighted, MAX_DATA_ROWS);
    }

    /** The workbook's bytes (call after every sheet is {@link TextSheet#finish() finished}). */
    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /**
     * Deletes the temporary files of the streamed rows. After a failure, rows still in memory are flushed first:
     * POI's close would otherwise write them to a stream it has closed and log a warning with a stack trace.
     */
    @Override
    public void close() throws IOException {
        for (Sheet sheet : workbook) {
            try {
                ((SXSSFSheet) sheet).flushRows();
            } catch (IOException | RuntimeException e) {
                // the failure being handled is the one to report; close still deletes the files
            }
        }
        workbook.close();
    }
}

package io.catalogbatch.shared.xlsx;

import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One sheet of a {@link TextWorkbook}: rows of text cells, streamed. Column widths follow the longest line seen
 * in each column (within bounds) and are set when the sheet is {@link #finish() finished}, since a streamed sheet
 * cannot measure its rows afterwards; they go into the sheet's {@code <cols>}, which POI writes at the end.
 */
public final class TextSheet {

    static final int MIN_WIDTH = 8;
    static final int MAX_WIDTH = 60;
    /** Rows below the data that a list validation also covers, for the rows a user adds. */
    static final int ROWS_FOR_ADDITIONS = 1_000;
    /** Who wrote the notes, as a spreadsheet program shows it. */
    static final String NOTE_AUTHOR = "catalog-batch";

    /**
     * Cells of a row to point out: columns {@code first} to {@code last} (inclusive, from 0) filled with
     * {@link TextWorkbook#HIGHLIGHT_RGB}, and {@code note}, when not null, as a note (a cell comment) on the first.
     */
    public record Flag(int first, int last, String note) {
        public Flag {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("columns " + first + " to " + last);
            }
        }
    }

    private final SXSSFSheet sheet;
    private final List<String> columns;
    private final CellStyle text;
    private final CellStyle highlighted;
    private final int maxDataRows;
    private final int[] widths;
    private int next;
    private int listColumn = -1;
    private String[] listValues;
    private Drawing<?> notes;

    TextSheet(SXSSFSheet sheet, List<String> columns, CellStyle text, CellStyle header, CellStyle highlighted,
              int maxDataRows) {
        this.sheet = sheet;
        this.columns = columns;
        this.text = text;
        this.highlighted = highlighted;
        this.maxDataRows = maxDataRows;
        this.widths = new int[Math.max(columns.size(), 1)];
        for (int c = 0; c < columns.size(); c++) {
            sheet.setDefaultColumnStyle(c, text);
        }
        if (!columns.isEmpty()) {
            write(columns, header, null);
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        }
    }

    /** Data rows written so far (the header aside). */
    public long dataRows() {
        return columns.isEmpty() ? next : next - 1;
    }

    /** Appends a row of text cells; refuses the row beyond the sheet's limit ({@link TooManyRows}). */
    public void row(List<String> cells) {
        row(cells, null);
    }

    /**
     * Appends a row of text cells whose cells of {@code flag} (null: none) are highlighted, the first with its note.
     * A note is not streamed: POI keeps every note of a sheet in memory until the workbook is written.
     */
    public void row(List<String> cells, Flag flag) {
        if (dataRows() >= maxDataRows) {
            throw new TooManyRows(sheet.getSheetName(), maxDataRows);
        }
        if (flag != null && flag.first() >= cells.size()) {
            throw new IllegalArgumentException("no column " + flag.first() + " in a row of " + cells.size());
        }
        write(cells, text, flag);
    }

    public void row(String... cells) {
        row(Arrays.asList(cells));
    }

    /** A dropdown of these values in {@code column}, over the data rows and {@value #ROWS_FOR_ADDITIONS} more. */
    public void dropdown(String column, String... values) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        this.listColumn = index;
        this.listValues = values.clone();
    }

    /** Sets the column widths and the dropdown's range: call once, after the last row. */
    public void finish() {
        for (int c = 0; c < widths.length; c++) {
            int chars = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + (columns.isEmpty() ? 1 : 3)));
            sheet.setColumnWidth(c, chars * 256);
        }
        if (listColumn >= 0) {
            int last = (int) Math.min((long) next - 1 + ROWS_FOR_ADDITIONS, TextWorkbook.MAX_DATA_ROWS);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidation list = helper.createValidation(helper.createExplicitListConstraint(listValues),
                    new CellRangeAddressList(1, last, listColumn, listColumn));
            list.setShowErrorBox(true);
            list.setErrorStyle(DataValidation.ErrorStyle.STOP);
            list.createErrorBox("Not a choice", "Pick one of: " + String.join(", ", listValues));
            list.setSuppressDropDownArrow(true); // XSSF's inverted flag: true shows the arrow in the cell
            sheet.addValidationData(list);
        }
    }

    private void write(List<String> cells, CellStyle style, Flag flag) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c, CellType.STRING);
            String value = cells.get(c);
            cell.setCellValue(value);
            cell.setCellStyle(flag != null && c >= flag.first() && c <= flag.last() ? highlighted : style);
            if (c < widths.length) {
                widths[c] = Math.max(widths[c], longestLine(value));
            }
        }
        if (flag != null && flag.note() != null) {
            note(row.getCell(flag.first()), flag.note());
        }
    }

    /** A note on the cell, its box to the right of it as a spreadsheet program places a new one. */
    private void note(Cell cell, String text) {
        if (notes == null) {
            notes = sheet.createDrawingPatriarch();
        }
        CreationHelper helper = sheet.getWorkbook().getCreationHelper();
        ClientAnchor box = helper.createClientAnchor();
        box.setCol1(cell.getColumnIndex() + 1);
        box.setCol2(cell.getColumnIndex() + 4);
        box.setRow1(cell.getRowIndex());
        box.setRow2(cell.getRowIndex() + 4);
        Comment comment = notes.createCellComment(box);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor(NOTE_AUTHOR);
        comment.setAddress(cell.getAddress()); // a streamed cell leaves it at the box's corner
        cell.setCellComment(comment);
    }

    private static int longestLine(String value) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '\n' || value.charAt(i) == '\r') {
                longest = Math.max(longest, value.codePointCount(start, i));
                start = i + 1;
            }
            if (longest >= MAX_WIDTH) {
                return longest;
            }
        }
        return longest;
    }
}

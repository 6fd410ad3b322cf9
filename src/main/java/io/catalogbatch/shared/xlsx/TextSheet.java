package io.catalogbatch.shared.xlsx;

import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
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

    private final SXSSFSheet sheet;
    private final List<String> columns;
    private final CellStyle text;
    private final int maxDataRows;
    private final int[] widths;
    private int next;
    private int listColumn = -1;
    private String[] listValues;

    TextSheet(SXSSFSheet sheet, List<String> columns, CellStyle text, CellStyle header, int maxDataRows) {
        this.sheet = sheet;
        this.columns = columns;
        this.text = text;
        this.maxDataRows = maxDataRows;
        this.widths = new int[Math.max(columns.size(), 1)];
        for (int c = 0; c < columns.size(); c++) {
            sheet.setDefaultColumnStyle(c, text);
        }
        if (!columns.isEmpty()) {
            write(columns, header);
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
        if (dataRows() >= maxDataRows) {
            throw new TooManyRows(sheet.getSheetName(), maxDataRows);
        }
        write(cells, text);
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

    private void write(List<String> cells, CellStyle style) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c, CellType.STRING);
            String value = cells.get(c);
            cell.setCellValue(value);
            cell.setCellStyle(style);
            if (c < widths.length) {
                widths[c] = Math.max(widths[c], longestLine(value));
            }
        }
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

package io.catalogbatch.shared.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading back the small workbooks of tests: a part's XML as written, and a sheet's cells as text. */
public final class Workbooks {

    private Workbooks() {
    }

    /** The text of one part of the xlsx zip, e.g. {@code xl/worksheets/sheet1.xml}. */
    public static String part(Path xlsx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException("no " + name + " in " + xlsx);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * The rows of a sheet as strings (a string cell's text; a blank or missing cell as {@code ""}); fails on a
     * cell of any other type, so a value a program turned into a number or a formula shows up.
     */
    public static List<List<String>> rows(Path xlsx, String sheetName) throws IOException {
        try (XSSFWorkbook workbook = open(xlsx)) {
            Sheet sheet = workbook.getSheet(sheetName);
            if (sheet == null) {
                throw new IOException("no sheet " + sheetName + " in " + xlsx);
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), sheetName, r, c));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** The whole workbook in memory (POI's user model): for the small files of tests only. */
    public static XSSFWorkbook open(Path xlsx) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    /**
     * Rows without their trailing empty cells, and without the empty rows at the end: a program need not write an
     * empty cell, and both write the empty, styled rows that a validation covers.
     */
    public static List<List<String>> trimmed(List<List<String>> rows) {
        List<List<String>> trimmed = new ArrayList<>();
        for (List<String> row : rows) {
            int end = row.size();
            while (end > 0 && row.get(end - 1).isEmpty()) {
                end--;
            }
            trimmed.add(row.subList(0, end));
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed;
    }

    /** The columns of a row's cells that are filled (solid) with {@link TextWorkbook#HIGHLIGHT_RGB}. */
    public static List<Integer> highlighted(XSSFRow row) {
        List<Integer> filled = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            XSSFCell cell = row.getCell(c);
            if (cell == null) {
                continue;
            }
            XSSFCellStyle style = cell.getCellStyle();
            XSSFColor colour = style.getFillForegroundXSSFColor();
            if (style.getFillPattern() == FillPatternType.SOLID_FOREGROUND && colour != null
                    && HexFormat.of().withUpperCase().formatHex(colour.getRGB()).equals(TextWorkbook.HIGHLIGHT_RGB)) {
                filled.add(c);
            }
        }
        return filled;
    }

    /** The text of a cell's note, trimmed; null when it has none. */
    public static String note(XSSFSheet sheet, int row, int column) {
        XSSFComment comment = sheet.getCellComment(new CellAddress(row, column));
        return comment == null ? null : comment.getString().getString().trim();
    }

    private static String text(Cell cell, String sheet, int r, int c) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        if (cell.getCellType() != CellType.STRING) {
            throw new AssertionError(sheet + " row " + (r + 1) + " column " + (c + 1) + " is a "
                    + cell.getCellType() + " cell, not text: " + cell);
        }
        return cell.getStringCellValue();
    }
}

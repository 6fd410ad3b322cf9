package io.catalogbatch.shared.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

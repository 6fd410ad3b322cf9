package io.catalogbatch.catalog.adapters.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.service.ErrorsWorkbooks.InputWorkbook;
import io.catalogbatch.catalog.service.search.ModelSelection;
import io.catalogbatch.shared.batch.ErrorsWorkbook;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.xlsx.SpreadsheetPrograms;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's errors workbook: which sheet and mark it takes from the input workbook, and what LibreOffice Calc and
 * Gnumeric keep of it when they save it again (the fill, the notes, the mark, every value as text).
 */
class CatalogErrorsWorkbookIT {

    static final CatalogErrorsWorkbook ERRORS = new CatalogErrorsWorkbook(new ErrorsWorkbook());

    @TempDir
    Path work;

    private Path exported() throws IOException {
        Path folder = work.resolve("export");
        new CatalogWorkbook("./catalog", CatalogWorkbookIT.CLOCK, TextWorkbook.MAX_DATA_ROWS)
                .write(HostileCatalog.models(), ModelSelection.everything(), folder);
        return folder.resolve(CatalogWorkbook.FILE);
    }

    @Test
    void an_exported_workbook_is_read_from_its_models_sheet_and_carries_the_mark() throws IOException {
        assertThat(ERRORS.inspect(exported(), "models")).contains(new InputWorkbook("models", true));
    }

    @Test
    void a_workbook_made_by_hand_is_read_from_the_sheet_named_for_its_role_else_the_first_without_a_mark()
            throws IOException {
        Path byHand = work.resolve("tags from sales.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(byHand)) {
            book.createSheet("Feuille 1").createRow(0).createCell(0).setCellValue("model");
            book.createSheet("Tags").createRow(0).createCell(0).setCellValue("model");
            book.createSheet("about").createRow(0).createCell(0).setCellValue("notes of the sales team");
            book.write(out);
        }

        assertThat(ERRORS.inspect(byHand, "tags")).contains(new InputWorkbook("Tags", false));
        assertThat(ERRORS.inspect(byHand, "models")).contains(new InputWorkbook("Feuille 1", false));
        assertThat(ERRORS.inspect(Files.writeString(work.resolve("models.xlsx"), "name\na\n"), "models")).isEmpty();
    }

    @Test
    void the_errors_of_an_exported_workbook_carry_its_mark_and_those_of_another_do_not() throws IOException {
        Path csv = errorsCsv();

        ERRORS.write(csv, work.resolve("marked.xlsx"), new InputWorkbook("models", true));
        ERRORS.write(csv, work.resolve("plain.xlsx"), new InputWorkbook("Feuille 1", false));

        List<List<String>> about = Workbooks.rows(work.resolve("marked.xlsx"), CatalogWorkbook.ABOUT_SHEET);
        assertThat(about.get(0)).containsExactly(CatalogWorkbook.MARK);
        assertThat(about).extracting(row -> row.isEmpty() ? "" : row.get(0)).contains("How to edit:");
        assertThat(Workbooks.rows(work.resolve("marked.xlsx"), "models")).hasSize(4);
        assertThat(Workbooks.part(work.resolve("plain.xlsx"), "xl/workbook.xml"))
                .contains("name=\"Feuille 1\"").doesNotContain("name=\"about\"");
    }

    @Test
    void libreoffice_calc_keeps_the_highlight_the_notes_the_mark_and_the_values() throws Exception {
        Path written = written();

        assertKept(SpreadsheetPrograms.resavedByLibreOffice(written, work), written);
    }

    @Test
    void gnumeric_keeps_the_highlight_the_notes_the_mark_and_the_values() throws Exception {
        Path written = written();

        assertKept(SpreadsheetPrograms.resavedByGnumeric(written, work), written);
    }

    private Path written() throws IOException {
        Path written = work.resolve("errors/models.errors.xlsx");
        ERRORS.write(errorsCsv(), written, new InputWorkbook("models", true));
        return written;
    }

    /** Three rejected rows of an exported workbook: a bad cell, a duplicate name, a row at fault as a whole. */
    private Path errorsCsv() throws IOException {
        Path csv = work.resolve("errors/models.errors.csv");
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < CatalogWorkbook.COLUMNS.size(); c++) {
            columns.put(CatalogWorkbook.COLUMNS.get(c), c);
        }
        try (RejectsFile rejects = new RejectsFile(csv, CatalogWorkbook.COLUMNS)) {
            rejects.reject(new CsvRow(2, row("007", "15/01/2024", "=1+2"), columns), "bad-value", "created",
                    "created must be a date YYYY-MM-DD, not 15/01/2024");
            rejects.reject(new CsvRow(3, row("3.0", "2024-02-29", "-5"), columns), "duplicate", "name",
                    "row 2 already has this name");
            rejects.reject(new CsvRow(4, row("x", "", "line one\nline two"), columns), "bad-row", "",
                    "the row has 12 cells and the header 11");
        }
        return csv;
    }

    private static List<String> row(String name, String created, String description) {
        List<String> cells = new ArrayList<>(java.util.Collections.nCopies(CatalogWorkbook.COLUMNS.size(), ""));
        cells.set(CatalogWorkbook.COLUMNS.indexOf("name"), name);
        cells.set(CatalogWorkbook.COLUMNS.indexOf("created"), created);
        cells.set(CatalogWorkbook.COLUMNS.indexOf("description"), description);
        cells.set(CatalogWorkbook.COLUMNS.indexOf("tags"), "nlp;über");
        return cells;
    }

    private static void assertKept(Path resaved, Path written) throws IOException {
        assertThat(Workbooks.rows(resaved, CatalogWorkbook.ABOUT_SHEET).get(0)).first()
                .isEqualTo(CatalogWorkbook.MARK);
        assertThat(Workbooks.trimmed(Workbooks.rows(resaved, "models")))
                .isEqualTo(Workbooks.trimmed(Workbooks.rows(written, "models")));
        assertThat(Workbooks.part(resaved, "xl/worksheets/sheet1.xml")).doesNotContain("<f>");
        int created = CatalogWorkbook.COLUMNS.indexOf("created");
        int name = CatalogWorkbook.COLUMNS.indexOf("name");
        try (XSSFWorkbook book = Workbooks.open(resaved)) {
            XSSFSheet sheet = book.getSheet("models");
            assertThat(Workbooks.highlighted(sheet.getRow(1))).containsExactly(created);
            assertThat(Workbooks.highlighted(sheet.getRow(2))).containsExactly(name);
            assertThat(Workbooks.highlighted(sheet.getRow(3))).hasSize(CatalogWorkbook.COLUMNS.size());
            assertThat(Workbooks.highlighted(sheet.getRow(0))).isEmpty();
            assertThat(Workbooks.note(sheet, 1, created)).isEqualTo("created must be a date YYYY-MM-DD, not 15/01/2024"
                    + " (bad-value)");
            assertThat(Workbooks.note(sheet, 2, name)).isEqualTo("row 2 already has this name (duplicate)");
            assertThat(Workbooks.note(sheet, 3, 0)).isEqualTo("the row has 12 cells and the header 11 (bad-row)");
            assertThat(sheet.getRow(1).getCell(created).getCellStyle().getDataFormatString()).isEqualTo("@");
        }
    }
}

package io.catalogbatch.catalog.adapters.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.service.search.ModelSelection;
import io.catalogbatch.shared.xlsx.SpreadsheetPrograms;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported workbook re-saved as xlsx by the real programs business users have (issue #21): LibreOffice Calc
 * (headless) and Gnumeric's {@code ssconvert}. The {@code about} sheet's mark survives, and every value of the
 * models sheet comes back as the same text (no number, date or formula made of it). Where a program is missing the
 * test is skipped with a notice, or fails when {@code catalog-batch.require-services=true} (CI installs both).
 */
class SpreadsheetProgramsIT {

    @TempDir
    Path work;
    Path exported;

    @BeforeEach
    void export() throws IOException {
        new CatalogWorkbook("./catalog", CatalogWorkbookIT.CLOCK, TextWorkbook.MAX_DATA_ROWS)
                .write(HostileCatalog.models(), ModelSelection.everything(), work);
        exported = work.resolve(CatalogWorkbook.FILE);
    }

    @Test
    void libreoffice_calc_keeps_the_mark_and_every_value() throws Exception {
        assertSameWorkbook(SpreadsheetPrograms.resavedByLibreOffice(exported, work));
    }

    @Test
    void gnumeric_keeps_the_mark_and_every_value() throws Exception {
        assertSameWorkbook(SpreadsheetPrograms.resavedByGnumeric(exported, work));
    }

    private void assertSameWorkbook(Path resaved) throws IOException {
        assertThat(resaved).exists();
        assertThat(Workbooks.rows(resaved, CatalogWorkbook.ABOUT_SHEET).get(0)).first()
                .isEqualTo(CatalogWorkbook.MARK);
        List<List<String>> back = Workbooks.trimmed(Workbooks.rows(resaved, CatalogWorkbook.MODELS_SHEET));
        List<List<String>> sent = Workbooks.trimmed(Workbooks.rows(exported, CatalogWorkbook.MODELS_SHEET));
        // The one change both programs make: a CR LF inside a cell comes back as LF. It is theirs, not the user's:
        // the import must not apply it (issue #21 item 4). Everything else comes back as the same text.
        assertThat(differences(back, sent)).containsExactly("row 2 column 2: \"line one\\r\\nline two\\nline three\""
                + " came back as \"line one\\nline two\\nline three\"");
        assertThat(differences(back, withoutCr(sent))).isEmpty();
        assertThat(Workbooks.part(resaved, "xl/worksheets/sheet1.xml")).doesNotContain("<f>");
    }

    /** Each cell that differs, as row, column, what was written and what came back (escaped, shortened). */
    private static List<String> differences(List<List<String>> resaved, List<List<String>> written) {
        List<String> differences = new ArrayList<>();
        if (resaved.size() != written.size()) {
            differences.add(written.size() + " rows written, " + resaved.size() + " came back");
        }
        for (int r = 0; r < Math.min(resaved.size(), written.size()); r++) {
            List<String> back = resaved.get(r);
            List<String> sent = written.get(r);
            for (int c = 0; c < Math.max(back.size(), sent.size()); c++) {
                String was = c < sent.size() ? sent.get(c) : "";
                String is = c < back.size() ? back.get(c) : "";
                if (!was.equals(is)) {
                    differences.add("row " + (r + 1) + " column " + (c + 1) + ": " + shown(was) + " came back as "
                            + shown(is));
                }
            }
        }
        return differences;
    }

    private static String shown(String value) {
        String escaped = value.replace("\r", "\\r").replace("\n", "\\n");
        return "\"" + (escaped.length() > 60 ? escaped.substring(0, 60) + "...(" + value.length() + " chars)"
                : escaped) + "\"";
    }

    private static List<List<String>> withoutCr(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(cell -> cell.replace("\r\n", "\n")).toList()).toList();
    }
}

package io.catalogbatch.catalog.adapters.xlsx;

import io.catalogbatch.catalog.service.ErrorsWorkbooks;
import io.catalogbatch.shared.batch.ErrorsWorkbook;
import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.xlsx.SheetSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's errors workbooks: the sheet named as the input's ({@code models} or {@code tags}, in any case, when
 * the input has such a sheet, else its first, as the import reads it), and, for a workbook that {@link CatalogWorkbook}
 * exported, its {@code about} sheet with the {@link CatalogWorkbook#MARK mark}: the errors workbook imports back
 * under the rules of such workbooks (the tags cell is the model's whole tag set).
 */
public final class CatalogErrorsWorkbook implements ErrorsWorkbooks {

    private final ErrorsWorkbook workbook;

    public CatalogErrorsWorkbook(ErrorsWorkbook workbook) {
        this.workbook = workbook;
    }

    @Override
    public Optional<InputWorkbook> inspect(Path input, String role) throws IOException {
        // A workbook by its bytes, whatever its name, read as the import reads one (the sheet named for the role,
        // its case aside, else the first); a file that is none is refused by the reader's first look
        try (SheetSource sheet = SheetSource.open(input, CsvReadOptions.utf8(Set.of(), Set.of()).withSheet(role))) {
            boolean exported = sheet.firstCellOf(CatalogWorkbook.ABOUT_SHEET).map(CatalogWorkbook.MARK::equals)
                    .orElse(false);
            return Optional.of(new InputWorkbook(sheet.sheet(), exported));
        } catch (CsvFileRefused notReadable) {
            return Optional.empty();
        }
    }

    @Override
    public boolean write(Path errorsCsv, Path target, InputWorkbook input) throws IOException {
        ErrorsWorkbook.About about = input.exportedByCatalogBatch()
                ? new ErrorsWorkbook.About(CatalogWorkbook.ABOUT_SHEET, about(input.sheet())) : null;
        return workbook.write(errorsCsv, target, input.sheet(), about);
    }

    private static List<String> about(String sheet) {
        List<String> lines = new ArrayList<>(List.of(
                CatalogWorkbook.MARK,
                "The rows catalog-batch rejected from a workbook it exported (export --flavour xlsx). In the sheet \""
                        + sheet + "\" the cell at fault is highlighted and its note says why (the row's cells when"
                        + " the whole row is at fault); the error_* columns say it too.",
                "Fix the cells and import this workbook again: the error_* columns are ignored. The other rows of"
                        + " the workbook were imported; a row you delete here changes nothing.",
                ""));
        lines.addAll(CatalogWorkbook.HOW_TO_EDIT);
        return lines;
    }
}

package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.service.CatalogExport;
import io.catalogbatch.shared.batch.InputRows;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.RowSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether an input file is a workbook exported by catalog-batch: it has the sheet
 * {@value CatalogExport#WORKBOOK_MARK_SHEET} whose cell A1 is {@value CatalogExport#WORKBOOK_MARK} (the xlsx export
 * writes it; Calc and Gnumeric keep it when they save again). A CSV file never is.
 */
public final class ExportedWorkbook {

    private ExportedWorkbook() {
    }

    public static boolean exportedByCatalogBatch(RowSource source) {
        return source.firstCellOf(CatalogExport.WORKBOOK_MARK_SHEET)
                .map(cell -> cell.strip().equals(CatalogExport.WORKBOOK_MARK)).orElse(false);
    }

    /**
     * The same, of a file not yet read; false for a file that cannot be read (its check refuses it, in words).
     */
    public static boolean exportedByCatalogBatch(Path file, CsvReadOptions options) {
        if (!InputRows.isWorkbook(file)) {
            return false;
        }
        try (RowSource source = InputRows.open(file, options)) {
            return exportedByCatalogBatch(source);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.service.search.ModelSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the catalog, or a selection of it, into a folder: {@code models.csv} and {@code tags.csv} for the CSV
 * flavours, {@code catalog.xlsx} for {@link ExportFlavour#XLSX}. Each file appears whole or not at all.
 */
@FunctionalInterface
public interface CatalogExport {

    /**
     * The sheet of an xlsx export whose cell A1 holds {@link #WORKBOOK_MARK}: how an import knows a workbook came from
     * catalog-batch (a sheet name and a cell value survive a re-save by Calc and Gnumeric; docs/spreadsheets.md).
     */
    String WORKBOOK_MARK_SHEET = "about";
    String WORKBOOK_MARK = "catalog-batch export";

    /** The files an export wrote, in order, and how many models and tags (model-tag pairs) they hold. */
    record Written(List<Path> files, long models, long tags) {
        public Written {
            files = List.copyOf(files);
        }
    }

    Written export(Path folder, ExportFlavour flavour, ModelSelection selection) throws IOException;

    /** The whole catalog. */
    default Written export(Path folder, ExportFlavour flavour) throws IOException {
        return export(folder, flavour, ModelSelection.everything());
    }
}

package io.catalogbatch.catalog.adapters.xlsx;

import io.catalogbatch.catalog.adapters.csv.CatalogCsvLayout;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogExport;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.ModelSelection;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import io.catalogbatch.shared.xlsx.TextSheet;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import io.catalogbatch.shared.xlsx.TooManyRows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The xlsx export (issue #21, docs/spreadsheets.md): {@code catalog.xlsx} with a {@code models} sheet (the columns
 * of {@code models.csv} plus {@code tags}, the model's whole tag set joined by {@code ;}) and an {@code about} sheet
 * whose first cell, {@value #MARK}, tells an import that the workbook came from catalog-batch. The models stream
 * from the store in name key order, as for the CSV export.
 */
public final class CatalogWorkbook {

    public static final String FILE = "catalog.xlsx";
    public static final String MODELS_SHEET = "models";
    public static final String ABOUT_SHEET = CatalogExport.WORKBOOK_MARK_SHEET;
    /** The {@code about} sheet's A1: the mark of a workbook exported by catalog-batch (it survives re-saves). */
    public static final String MARK = CatalogExport.WORKBOOK_MARK;
    public static final String TAGS_COLUMN = "tags";
    public static final String TAG_SEPARATOR = ";";
    public static final List<String> COLUMNS = columns();
    /** The about sheet's advice, also that of the errors workbook of such a workbook ({@link CatalogErrorsWorkbook}). */
    static final List<String> HOW_TO_EDIT = List.of(
            "How to edit:",
            "- Change a model by editing its cells. Every cell is text: what you type is kept exactly as typed.",
            "- Add a model as a new row at the bottom of the sheet \"" + MODELS_SHEET + "\".",
            "- The tags cell is the model's whole tag set, separated by \";\": delete a tag to remove it, add"
                    + " one to add it.",
            "- status is one of active, deprecated, archived; successor names the model that replaces a"
                    + " deprecated one.",
            "- Do not rename the sheets or the column headers, and keep this sheet: it tells catalog-batch"
                    + " that the workbook came from it.",
            "- Save it as .xlsx (not .xls, .ods or .csv).");

    private final String catalog;
    private final Clock clock;
    private final int maxRows;

    /**
     * @param catalog the catalog's location, as the user gave it (the about sheet shows it with secrets masked)
     * @param maxRows the models a sheet may hold: {@link TextWorkbook#MAX_DATA_ROWS}, or fewer in a test
     */
    public CatalogWorkbook(String catalog, Clock clock, int maxRows) {
        this.catalog = catalog;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** Writes {@code folder/catalog.xlsx} atomically; refuses, before writing anything, more models than a sheet holds. */
    public CatalogExport.Written write(CatalogQueries queries, ModelSelection selection, Path folder)
            throws IOException {
        refuseTooMany(queries, selection);
        Path file = folder.resolve(FILE);
        long[] counts = {0, 0};
        TextWorkbook.writeAtomically(file, maxRows, workbook -> {
            TextSheet models = workbook.table(MODELS_SHEET, COLUMNS);
            models.dropdown("status", Arrays.stream(Status.values()).map(Status::code).toArray(String[]::new));
            selection.forEachModel(queries, model -> {
                models.row(cells(model));
                counts[0]++;
                counts[1] += model.tags().size();
            });
            models.finish();
            TextSheet about = workbook.lines(ABOUT_SHEET);
            for (String line : about(selection, counts[0])) {
                about.row(line);
            }
            about.finish();
        });
        return new CatalogExport.Written(List.of(file), counts[0], counts[1]);
    }

    /** The cells of a model's row: those of {@code models.csv}, then its tags in the CSV export's order. */
    public static List<String> cells(ModelSnapshot model) {
        List<String> cells = new ArrayList<>(CatalogCsvLayout.modelCells(model));
        cells.add(model.tags().stream().map(Tag::value).collect(Collectors.joining(TAG_SEPARATOR)));
        return cells;
    }

    private void refuseTooMany(CatalogQueries queries, ModelSelection selection) {
        if (queries.countModels() <= maxRows) {
            return;
        }
        long selected = selection.count(queries);
        if (selected > maxRows) {
            throw new TooManyRows(String.format("cannot export %,d models as xlsx: a sheet holds at most %,d rows"
                    + " below its header. Export a selection with the search filters (--status, --task, --prefix,"
                    + " ...), or use --flavour raw", selected, maxRows));
        }
    }

    private List<String> about(ModelSelection selection, long models) {
        List<String> lines = new ArrayList<>(List.of(
                MARK,
                "This workbook was written by catalog-batch (export --flavour xlsx). Its sheet \"" + MODELS_SHEET
                        + "\" holds one row per model; catalog-batch import reads it back.",
                "Catalog: " + UrlSecrets.masked(catalog),
                "Exported at: " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + " (UTC)",
                String.format("Models: %,d", models),
                "Filters: " + (selection.whole() ? "none (the whole catalog, archived models too)"
                        : selection.filters()),
                ""));
        lines.addAll(HOW_TO_EDIT);
        return lines;
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(CatalogCsvLayout.MODEL_COLUMNS);
        columns.add(TAGS_COLUMN);
        return List.copyOf(columns);
    }
}

package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogExport;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.ModelSelection;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvTableWriter;
import io.catalogbatch.shared.faults.FaultPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The columns of the catalog files (SPEC §5), shared by the CSV store and by exports, so that a store
 * folder and a raw export of the same catalog hold the same bytes.
 */
public final class CatalogCsvLayout {

    public static final String MODELS_FILE = "models.csv";
    public static final String TAGS_FILE = "tags.csv";
    public static final List<String> MODEL_COLUMNS = List.of(
            "name", "description", "task", "framework", "license", "url", "created", "status", "successor", "revision");
    public static final List<String> TAG_COLUMNS = List.of("model", "tag");

    private CatalogCsvLayout() {
    }

    public static List<String> modelCells(ModelSnapshot model) {
        ModelDetails d = model.details();
        return List.of(model.name().display(), d.description(), d.task(), d.framework(), d.license(), d.url(),
                d.created(), model.status().code(), d.successor(), Long.toString(model.revision()));
    }

    /** A model from the cells of {@link #MODEL_COLUMNS}, in that order, with its tags. */
    public static ModelSnapshot model(List<String> cells, Collection<Tag> tags) {
        ModelDetails details = new ModelDetails(cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
                cells.get(6), cells.get(8));
        return new ModelSnapshot(ModelName.of(cells.get(0)), details, Status.of(cells.get(7)),
                Long.parseLong(cells.get(9)), SortedTags.copyOf(tags));
    }

    /**
     * Writes {@code models.csv} and {@code tags.csv} of the catalog into {@code folder}, each atomically, and
     * says how many rows each got.
     */
    public static CatalogExport.Written write(CatalogQueries catalog, Path folder, CsvFlavour flavour)
            throws IOException {
        return write(catalog, ModelSelection.everything(), folder, flavour);
    }

    /** The same for the selected models only: their rows, and their tags only. */
    public static CatalogExport.Written write(CatalogQueries catalog, ModelSelection selection, Path folder,
                                              CsvFlavour flavour) throws IOException {
        long[] models = {0};
        long[] tags = {0};
        CsvTableWriter.writeAtomically(folder.resolve(MODELS_FILE), flavour, MODEL_COLUMNS,
                table -> eachModel(catalog, selection, model -> {
                    table.row(modelCells(model));
                    models[0]++;
                }));
        FaultPoint.reach("models-file-moved");
        CsvTableWriter.writeAtomically(folder.resolve(TAGS_FILE), flavour, TAG_COLUMNS,
                table -> eachModel(catalog, selection, model -> {
                    for (Tag tag : model.tags()) {
                        table.row(model.name().display(), tag.value());
                        tags[0]++;
                    }
                }));
        return new CatalogExport.Written(List.of(folder.resolve(MODELS_FILE), folder.resolve(TAGS_FILE)), models[0],
                tags[0]);
    }

    private interface ModelWriter {
        void write(ModelSnapshot model) throws IOException;
    }

    private static void eachModel(CatalogQueries catalog, ModelSelection selection, ModelWriter writer)
            throws IOException {
        try {
            selection.forEachModel(catalog, model -> {
                try {
                    writer.write(model);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.AbstractCatalogUnitOfWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A unit of work on a CSV catalog: commit stages the changed models with the catalog. */
public final class CsvCatalogUnitOfWork extends AbstractCatalogUnitOfWork {

    private final CsvCatalog catalog;

    CsvCatalogUnitOfWork(CsvCatalog catalog) {
        super(new CsvModels(catalog));
        this.catalog = catalog;
    }

    @Override
    protected void persist() {
        List<ModelSnapshot> changed = new ArrayList<>();
        Map<String, Long> loadedRevisions = new HashMap<>();
        for (Model model : changedModels()) {
            changed.add(model.snapshot());
            loadedRevisions.put(model.name().key(), model.loadedRevision());
        }
        if (!changed.isEmpty()) {
            catalog.stage(changed, loadedRevisions);
        }
    }
}

package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import io.catalogbatch.catalog.service.Models;
import io.catalogbatch.shared.domain.AggregateRoot;
import io.catalogbatch.shared.service.AbstractUnitOfWork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A unit of work on a CSV catalog: commit stages the changed models with the catalog. */
public final class CsvCatalogUnitOfWork extends AbstractUnitOfWork implements CatalogUnitOfWork {

    private final CsvCatalog catalog;
    private final CsvModels models;

    CsvCatalogUnitOfWork(CsvCatalog catalog) {
        this.catalog = catalog;
        this.models = new CsvModels(catalog);
    }

    @Override
    public Models models() {
        return models;
    }

    @Override
    protected Collection<? extends AggregateRoot> seen() {
        return models.seen();
    }

    @Override
    protected void forgetSeen() {
        models.forgetSeen();
    }

    @Override
    protected void persist() {
        List<ModelSnapshot> changed = new ArrayList<>();
        Map<String, Long> loadedRevisions = new HashMap<>();
        for (Model model : models.seen()) {
            if (model.changedSinceLoaded()) {
                changed.add(model.snapshot());
                loadedRevisions.put(model.name().key(), model.loadedRevision());
            }
        }
        if (!changed.isEmpty()) {
            catalog.stage(changed, loadedRevisions);
        }
    }

    @Override
    protected void discard() {
        // Nothing reached the catalog before commit: the seen aggregates are simply forgotten.
    }
}

package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.service.Models;
import java.util.Optional;

/** The models of a CSV catalog: fresh aggregates rebuilt from what the catalog holds. */
final class CsvModels extends Models {

    private final CsvCatalog catalog;

    CsvModels(CsvCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Optional<Model> load(String key) {
        return catalog.findStaged(key).map(Model::fromSnapshot);
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.util.Map;
import java.util.Optional;

/** The repository port over the fake's committed snapshots: every load is a fresh aggregate. */
final class FakeModels extends Models {

    private final Map<String, ModelSnapshot> committed;

    FakeModels(Map<String, ModelSnapshot> committed) {
        this.committed = committed;
    }

    @Override
    protected Optional<Model> load(String key) {
        return Optional.ofNullable(committed.get(key)).map(Model::fromSnapshot);
    }
}

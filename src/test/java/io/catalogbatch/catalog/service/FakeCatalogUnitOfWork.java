package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.InMemorySearch;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory catalog store: committed state is a map of snapshots by name key, so an uncommitted change
 * (kept only in the aggregates handed out) vanishes on close, as a rollback would make it.
 */
public final class FakeCatalogUnitOfWork extends AbstractCatalogUnitOfWork implements CatalogQueries {

    private final Map<String, ModelSnapshot> committed;
    private int commits;

    public FakeCatalogUnitOfWork() {
        this(new TreeMap<>());
    }

    private FakeCatalogUnitOfWork(Map<String, ModelSnapshot> committed) {
        super(new FakeModels(committed));
        this.committed = committed;
    }

    /** A store that already holds these models, as if committed earlier. */
    public static FakeCatalogUnitOfWork holding(Model... stored) {
        FakeCatalogUnitOfWork uow = new FakeCatalogUnitOfWork();
        for (Model model : stored) {
            uow.committed.put(model.name().key(), model.snapshot());
        }
        return uow;
    }

    /** The committed snapshots by name key, in key order; a copy. */
    public Map<String, ModelSnapshot> committed() {
        return Collections.unmodifiableMap(new TreeMap<>(committed));
    }

    /** The committed snapshot of the model with this key (any spelling); fails the test when absent. */
    public ModelSnapshot committed(String name) {
        ModelSnapshot snapshot = committed.get(ModelName.of(name).key());
        if (snapshot == null) {
            throw new AssertionError("no committed model " + name + "; committed: " + committed.keySet());
        }
        return snapshot;
    }

    /** How many times {@link #commit()} was called. */
    public int commits() {
        return commits;
    }

    @Override
    protected void persist() {
        commits++;
        for (Model model : changedModels()) {
            committed.put(model.name().key(), model.snapshot());
        }
    }


    @Override
    public List<SearchHit> search(ModelQuery query) {
        return InMemorySearch.search(List.copyOf(committed.values()), query);
    }

    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        List.copyOf(committed.values()).forEach(action);
    }

    @Override
    public Optional<ModelSnapshot> find(String key) {
        return Optional.ofNullable(committed.get(key));
    }

    @Override
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        return new TreeMap<>(committed).tailMap(afterKey, false).values().stream().limit(limit).toList();
    }

    @Override
    public long countModels() {
        return committed.size();
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A store for {@code --dry-run}: reads through to the real store, keeps every commit in memory only, so
 * that a run validates and reports exactly as a real one would (later rows see earlier ones) and the
 * catalog is left as it was.
 */
public final class DryRunCatalogStore implements CatalogStore {

    private final CatalogStore real;
    private final Map<String, ModelSnapshot> committed = new HashMap<>();

    public DryRunCatalogStore(CatalogStore real) {
        this.real = real;
    }

    @Override
    public CatalogUnitOfWork unitOfWork() {
        return new DryRunUnitOfWork();
    }

    /** The real catalog, unchanged; a single model is looked up as this dry run left it. */
    @Override
    public CatalogQueries queries() {
        return new CatalogQueries() {
            @Override
            public List<SearchHit> search(ModelQuery query) {
                return real.queries().search(query);
            }

            @Override
            public Optional<ModelSnapshot> find(String key) {
                ModelSnapshot overlay = committed.get(key);
                return overlay != null ? Optional.of(overlay) : real.queries().find(key);
            }

            @Override
            public Set<String> storedAmong(Collection<String> keys) {
                Set<String> stored = new HashSet<>(real.queries().storedAmong(keys));
                keys.stream().filter(committed::containsKey).forEach(stored::add);
                return stored;
            }

            @Override
            public void forEachModel(Consumer<ModelSnapshot> action) {
                real.queries().forEachModel(action);
            }

            @Override
            public long countModels() {
                return real.queries().countModels();
            }

            @Override
            public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
                return real.queries().modelsAfter(afterKey, limit);
            }
        };
    }

    @Override
    public void deleteAll() {
        throw new UnsupportedOperationException("a dry run changes nothing");
    }

    @Override
    public void close() {
        committed.clear();
    }

    private final class DryRunUnitOfWork extends AbstractCatalogUnitOfWork {

        DryRunUnitOfWork() {
            super(new Models() {
                @Override
                protected Optional<Model> load(String key) {
                    ModelSnapshot overlay = committed.get(key);
                    return overlay != null ? Optional.of(Model.fromSnapshot(overlay))
                            : real.queries().find(key).map(Model::fromSnapshot);
                }
            });
        }

        @Override
        protected void persist() {
            changedModels().forEach(model -> committed.put(model.name().key(), model.snapshot()));
        }
    }
}

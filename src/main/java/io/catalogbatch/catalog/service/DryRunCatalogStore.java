package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.shared.domain.AggregateRoot;
import io.catalogbatch.shared.service.AbstractUnitOfWork;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    /** The real catalog, unchanged. */
    @Override
    public CatalogQueries queries() {
        return real.queries();
    }

    @Override
    public void close() {
        committed.clear();
    }

    private final class DryRunUnitOfWork extends AbstractUnitOfWork implements CatalogUnitOfWork {

        private final Models models = new Models() {
            @Override
            protected Optional<Model> load(String key) {
                ModelSnapshot overlay = committed.get(key);
                if (overlay != null) {
                    return Optional.of(Model.fromSnapshot(overlay));
                }
                return real.queries().find(key).map(Model::fromSnapshot);
            }
        };

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
            for (Model model : models.seen()) {
                if (model.changedSinceLoaded()) {
                    committed.put(model.name().key(), model.snapshot());
                }
            }
        }

        @Override
        protected void discard() {
            // nothing was kept
        }
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.shared.domain.AggregateRoot;
import io.catalogbatch.shared.service.AbstractUnitOfWork;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;

/**
 * What every catalog unit of work shares: its repository, the aggregates it handed out, and the ones of
 * those that changed. Stores write those on commit; nothing is written before, so a rollback only forgets.
 */
public abstract class AbstractCatalogUnitOfWork extends AbstractUnitOfWork implements CatalogUnitOfWork {

    private final Models models;

    protected AbstractCatalogUnitOfWork(Models models) {
        this.models = models;
    }

    @Override
    public final Models models() {
        return models;
    }

    /** The models handed out since the last commit or rollback that changed since they were loaded. */
    protected final List<Model> changedModels() {
        List<Model> changed = List.of(); // a re-import's usual answer, asked at every command's commit
        for (Model model : models.seen()) {
            if (model.changedSinceLoaded()) {
                if (changed.isEmpty()) {
                    changed = new ArrayList<>();
                }
                changed.add(model);
            }
        }
        return changed;
    }

    @Override
    protected final Collection<? extends AggregateRoot> seen() {
        return models.seen();
    }

    @Override
    protected void forgetSeen() {
        models.forgetSeen();
    }

    @Override
    protected void discard() {
        // Nothing reached the store before commit: forgetting the aggregates is the rollback.
    }
}

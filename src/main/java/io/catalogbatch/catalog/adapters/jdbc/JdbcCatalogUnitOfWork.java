package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.service.AbstractCatalogUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit of work on a database catalog. Changes are only written on commit: staged until the surrounding
 * transaction commits when there is one (a batch chunk: one chunk, one database commit), else at once in a
 * transaction of their own; optimistic locking on {@code revision} catches a concurrent change.
 */
public final class JdbcCatalogUnitOfWork extends AbstractCatalogUnitOfWork {

    private final StagedWrites staged;

    JdbcCatalogUnitOfWork(JdbcTemplate jdbc, CatalogDialect dialect, StagedWrites staged) {
        super(new JdbcModels(jdbc, dialect, staged));
        this.staged = staged;
    }

    /** Stages the changed models; they reach the database with the chunk (or at once, outside a chunk). */
    @Override
    protected void persist() {
        for (Model model : changedModels()) {
            staged.stage(model.snapshot(), model.loadedRevision());
        }
    }
}

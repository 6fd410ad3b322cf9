package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.AbstractCatalogUnitOfWork;
import io.catalogbatch.catalog.service.ConcurrentModelUpdate;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit of work on a database catalog. Changes are only written on commit, inside the surrounding
 * transaction when there is one (a batch chunk: one chunk, one database commit) or a transaction of its
 * own; optimistic locking on {@code revision} catches a concurrent change.
 */
public final class JdbcCatalogUnitOfWork extends AbstractCatalogUnitOfWork {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JdbcModels models;

    JdbcCatalogUnitOfWork(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, new JdbcModels(jdbc));
    }

    private JdbcCatalogUnitOfWork(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                  JdbcModels models) {
        super(models);
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.models = models;
    }

    @Override
    protected void forgetSeen() {
        super.forgetSeen();
        models.forgetLoaded();
    }

    @Override
    protected void persist() {
        List<Model> changed = changedModels();
        if (!changed.isEmpty()) {
            transaction.executeWithoutResult(status -> changed.forEach(this::write));
        }
    }

    private void write(Model model) {
        ModelSnapshot s = model.snapshot();
        ModelDetails d = s.details();
        if (model.loadedRevision() == 0) {
            try {
                jdbc.update("insert into catalog_model (" + CatalogSchema.MODEL_COLUMNS
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.key(), s.name().display(),
                        d.description(), d.task(), d.framework(), d.license(), d.url(), d.created(),
                        s.status().code(), d.successor(), s.revision());
            } catch (DuplicateKeyException e) {
                throw new ConcurrentModelUpdate(s.name().display(), 0, storedRevision(s.key()));
            }
        } else {
            int updated = jdbc.update("update catalog_model set description = ?, task = ?, framework = ?,"
                            + " license = ?, url = ?, created = ?, status = ?, successor = ?, revision = ?"
                            + " where name_key = ? and revision = ?", d.description(), d.task(), d.framework(),
                    d.license(), d.url(), d.created(), s.status().code(), d.successor(), s.revision(), s.key(),
                    model.loadedRevision());
            if (updated == 0) {
                throw new ConcurrentModelUpdate(s.name().display(), model.loadedRevision(), storedRevision(s.key()));
            }
        }
        writeTags(s.key(), models.loadedTags(s.key()), s.tags());
    }

    private void writeTags(String key, Set<Tag> before, Set<Tag> after) {
        List<Object[]> removed = before.stream().filter(t -> !after.contains(t))
                .map(t -> new Object[] {key, t.value()}).toList();
        List<Object[]> added = after.stream().filter(t -> !before.contains(t))
                .map(t -> new Object[] {key, t.value()}).toList();
        if (!removed.isEmpty()) {
            jdbc.batchUpdate("delete from catalog_model_tag where name_key = ? and tag = ?", removed);
        }
        if (!added.isEmpty()) {
            jdbc.batchUpdate("insert into catalog_model_tag (name_key, tag) values (?, ?)", added);
        }
    }

    private long storedRevision(String key) {
        List<Long> revisions = jdbc.queryForList("select revision from catalog_model where name_key = ?",
                Long.class, key);
        return revisions.isEmpty() ? 0 : revisions.get(0);
    }
}

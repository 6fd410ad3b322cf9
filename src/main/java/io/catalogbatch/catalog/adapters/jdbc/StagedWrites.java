package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.adapters.ChunkSynchronization;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.ConcurrentModelUpdate;
import io.catalogbatch.shared.faults.FaultPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changed models of the current chunk, written to the database in a few batched statements just before
 * the chunk commits (one round trip per row would cost more than the rest of the import). Each model is
 * written as the difference between what the database held when the chunk first read it and what the chunk
 * made of it; a later unit of work of the same chunk reads the staged model, not the database.
 */
final class StagedWrites implements ChunkSynchronization.Staging {

    /** A model as the chunk left it, with what the database held when the chunk first read it. */
    private record Staged(ModelSnapshot model, long storedRevision, Set<Tag> storedTags) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, Staged> staged = new HashMap<>();
    private final ChunkSynchronization synchronization = new ChunkSynchronization(this);

    StagedWrites(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    Optional<ModelSnapshot> find(String key) {
        Staged model = staged.get(key);
        return model == null ? Optional.empty() : Optional.of(model.model());
    }

    /**
     * Stages a changed model. {@code loadedRevision}: the revision it had when its unit of work read it;
     * {@code storedTags}: the tags the database held, when it was read from the database.
     */
    void stage(ModelSnapshot model, long loadedRevision, Set<Tag> storedTags) {
        Staged before = staged.get(model.key());
        if (before == null) {
            staged.put(model.key(), new Staged(model, loadedRevision, storedTags));
        } else if (before.model().revision() != loadedRevision) {
            throw new ConcurrentModelUpdate(model.name().display(), loadedRevision, before.model().revision());
        } else {
            staged.put(model.key(), new Staged(model, before.storedRevision(), before.storedTags()));
        }
        if (!synchronization.joinedTransaction()) {
            transaction.executeWithoutResult(status -> flush());
        }
    }

    @Override
    public void flush() {
        if (staged.isEmpty()) {
            return;
        }
        List<Staged> models = new ArrayList<>(staged.values());
        models.sort((a, b) -> a.model().key().compareTo(b.model().key()));
        staged.clear();
        insertModels(models.stream().filter(m -> m.storedRevision() == 0).toList());
        updateModels(models.stream().filter(m -> m.storedRevision() != 0).toList());
        writeTags(models);
        FaultPoint.reach("chunk-written");
    }

    @Override
    public void dropStaged() {
        staged.clear();
    }

    private void insertModels(List<Staged> models) {
        if (models.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(models.size());
        for (Staged staged : models) {
            ModelSnapshot s = staged.model();
            ModelDetails d = s.details();
            rows.add(new Object[] {s.key(), s.name().display(), d.description(), d.task(), d.framework(),
                    d.license(), d.url(), d.created(), s.status().code(), d.successor(), s.revision()});
        }
        try {
            jdbc.batchUpdate("insert into catalog_model (" + CatalogSchema.MODEL_COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        } catch (DuplicateKeyException e) {
            ModelSnapshot first = models.get(0).model();
            throw new ConcurrentModelUpdate(first.name().display() + " (or another model of the same chunk)", 0,
                    storedRevision(first.key()));
        }
    }

    private void updateModels(List<Staged> models) {
        if (models.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(models.size());
        for (Staged staged : models) {
            ModelSnapshot s = staged.model();
            ModelDetails d = s.details();
            rows.add(new Object[] {d.description(), d.task(), d.framework(), d.license(), d.url(), d.created(),
                    s.status().code(), d.successor(), s.revision(), s.key(), staged.storedRevision()});
        }
        int[] updated = jdbc.batchUpdate("update catalog_model set description = ?, task = ?, framework = ?,"
                + " license = ?, url = ?, created = ?, status = ?, successor = ?, revision = ?"
                + " where name_key = ? and revision = ?", rows);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Staged lost = models.get(i);
                throw new ConcurrentModelUpdate(lost.model().name().display(), lost.storedRevision(),
                        storedRevision(lost.model().key()));
            }
        }
    }

    private void writeTags(List<Staged> models) {
        List<Object[]> removed = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        for (Staged staged : models) {
            String key = staged.model().key();
            Set<Tag> after = staged.model().tags();
            for (Tag tag : staged.storedTags()) {
                if (!after.contains(tag)) {
                    removed.add(new Object[] {key, tag.value()});
                }
            }
            for (Tag tag : after) {
                if (!staged.storedTags().contains(tag)) {
                    added.add(new Object[] {key, tag.value()});
                }
            }
        }
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

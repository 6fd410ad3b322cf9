package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.adapters.ChunkSynchronization;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.ConcurrentModelUpdate;
import io.catalogbatch.shared.faults.FaultPoint;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changed models of the current chunk, written to the database in a few batched statements just before
 * the chunk commits (one round trip per row would cost more than the rest of the import), in key order. Each
 * model's row is written whole, on condition that it still has the revision the chunk first read (else
 * {@link ConcurrentModelUpdate}); a later unit of work of the same chunk reads the staged model, not the
 * database.
 */
final class StagedWrites implements ChunkSynchronization.Staging {

    /** A model as the chunk left it, with its revision in the database when the chunk first read it. */
    private record Staged(ModelSnapshot model, long storedRevision) {
    }

    private final JdbcTemplate jdbc;
    private final CatalogDialect dialect;
    private final TransactionTemplate transaction;
    private final Map<String, Staged> staged = new HashMap<>();
    /** The models the chunk's rows name, as the database held them when the chunk began (empty: not there). */
    private final Map<String, Optional<ModelSnapshot>> prefetched = new HashMap<>();
    private final ChunkSynchronization synchronization = new ChunkSynchronization(this);
    private final SideReader sideReader;
    /** Whether some model was written since this catalog was opened. */
    private boolean wrote;

    StagedWrites(JdbcTemplate jdbc, CatalogDialect dialect, PlatformTransactionManager transactionManager,
                 SideReader sideReader) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.sideReader = sideReader;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    Optional<ModelSnapshot> find(String key) {
        Staged model = staged.get(key);
        return model == null ? Optional.empty() : Optional.of(model.model());
    }

    /** The model as the chunk's first read found it; null when the chunk did not read it ahead. */
    Optional<ModelSnapshot> prefetched(String key) {
        return prefetched.get(key);
    }

    /**
     * Reads the models with these keys in a few queries, for the rest of the current transaction (a chunk);
     * outside a transaction, nothing: there is no chunk end to forget them at. Half of the queries run on
     * another connection meanwhile ({@link SideReader}): a re-import spends half its time here, with the
     * second core idle. That connection sees what this transaction would, since a chunk writes nothing
     * before its end.
     */
    void prefetch(Collection<String> keys) {
        prefetched.clear();
        if (!synchronization.joinedTransaction()) {
            return;
        }
        List<List<String>> slices = KeySlices.of(keys.stream().filter(key -> !staged.containsKey(key)).toList());
        int half = slices.size() / 2;
        Future<Map<String, Optional<ModelSnapshot>>> aside = staged.isEmpty() && half > 0
                ? sideReader.read(() -> read(slices.subList(0, half)))
                : null;
        try {
            prefetched.putAll(read(aside == null ? slices : slices.subList(half, slices.size())));
        } finally {
            if (aside != null) {
                prefetched.putAll(SideReader.result(aside)); // also after a failure here: it holds a connection
            }
        }
    }

    private Map<String, Optional<ModelSnapshot>> read(List<List<String>> slices) {
        Map<String, Optional<ModelSnapshot>> models = new HashMap<>();
        for (List<String> slice : slices) {
            slice.forEach(key -> models.put(key, Optional.empty()));
            jdbc.query(connection -> {
                PreparedStatement query = connection.prepareStatement("select " + dialect.modelColumns()
                        + " from catalog_model where " + KeySlices.condition(slice.size()));
                dialect.planWithValues(query);
                for (int i = 0; i < slice.size(); i++) {
                    query.setString(i + 1, slice.get(i));
                }
                return query;
            }, rs -> {
                ModelSnapshot model = JdbcModels.snapshot(rs);
                models.put(model.key(), Optional.of(model));
            });
        }
        return models;
    }

    /** Stages a changed model. {@code loadedRevision}: the revision it had when its unit of work read it. */
    void stage(ModelSnapshot model, long loadedRevision) {
        Staged before = staged.get(model.key());
        if (before == null) {
            staged.put(model.key(), new Staged(model, loadedRevision));
        } else if (before.model().revision() != loadedRevision) {
            throw new ConcurrentModelUpdate(model.name().display(), loadedRevision, before.model().revision());
        } else {
            staged.put(model.key(), new Staged(model, before.storedRevision()));
        }
        if (!synchronization.joinedTransaction()) {
            transaction.executeWithoutResult(status -> flush());
        }
    }

    @Override
    public void flush() {
        prefetched.clear();
        if (staged.isEmpty()) {
            return;
        }
        wrote = true;
        List<Staged> models = new ArrayList<>(staged.values());
        models.sort((a, b) -> a.model().key().compareTo(b.model().key()));
        staged.clear();
        insertModels(models.stream().filter(m -> m.storedRevision() == 0).toList());
        updateModels(models.stream().filter(m -> m.storedRevision() != 0).toList());
        FaultPoint.reach("chunk-written");
    }

    boolean wrote() {
        return wrote;
    }

    @Override
    public void dropStaged() {
        prefetched.clear();
        staged.clear();
    }

    private void insertModels(List<Staged> models) {
        if (models.isEmpty()) {
            return;
        }
        try {
            if (dialect.insertsByCopy()) {
                CopyRows.insert(jdbc, models.stream().map(Staged::model).toList());
            } else {
                jdbc.batchUpdate("insert into catalog_model (" + dialect.insertColumns() + ") values ("
                        + dialect.insertValues() + ")", insertRows(models));
            }
        } catch (DuplicateKeyException e) {
            // asked on another connection: PostgreSQL takes no more statements in a transaction after an error
            ModelSnapshot first = models.get(0).model();
            long stored = SideReader.result(sideReader.read(() -> storedRevision(first.key())));
            throw new ConcurrentModelUpdate(first.name().display() + " (or another model of the same chunk)", 0,
                    stored);
        }
    }

    private List<Object[]> insertRows(List<Staged> models) {
        List<Object[]> rows = new ArrayList<>(models.size());
        for (Staged staged : models) {
            ModelSnapshot s = staged.model();
            ModelDetails d = s.details();
            Object[] caseless = CaselessColumns.values(d);
            Object[] row = {s.key(), s.name().display(), d.description(), d.task(), d.framework(),
                    d.license(), d.url(), dialect.created(d.created()), s.status().code(), d.successor(), s.revision(),
                    TagsColumn.of(s.tags()), caseless[0], caseless[1], caseless[2], caseless[3]};
            List<Object> extra = dialect.extraInsertValues(s.key());
            if (!extra.isEmpty()) {
                row = Arrays.copyOf(row, row.length + extra.size());
                for (int i = 0; i < extra.size(); i++) {
                    row[16 + i] = extra.get(i);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private void updateModels(List<Staged> models) {
        if (models.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(models.size());
        for (Staged staged : models) {
            ModelSnapshot s = staged.model();
            ModelDetails d = s.details();
            Object[] caseless = CaselessColumns.values(d);
            rows.add(new Object[] {d.description(), d.task(), d.framework(), d.license(), d.url(),
                    dialect.created(d.created()),
                    s.status().code(), d.successor(), s.revision(), TagsColumn.of(s.tags()), caseless[0],
                    caseless[1], caseless[2], caseless[3], s.key(), staged.storedRevision()});
        }
        int[] updated = jdbc.batchUpdate("update catalog_model set " + dialect.updateAssignments()
                + " where name_key = ? and revision = ?", rows);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Staged lost = models.get(i);
                throw new ConcurrentModelUpdate(lost.model().name().display(), lost.storedRevision(),
                        storedRevision(lost.model().key()));
            }
        }
    }

    private long storedRevision(String key) {
        List<Long> revisions = jdbc.queryForList("select revision from catalog_model where name_key = ?",
                Long.class, key);
        return revisions.isEmpty() ? 0 : revisions.get(0);
    }
}

package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.ConcurrentModelUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The catalog as a CSV store holds it: every durable model by name key (sorted when read in order), and the
 * models a unit of work staged until they are journalled. No I/O: {@link CsvCatalog} decides when staged models
 * are written and kept.
 */
final class InMemoryCatalog {

    /** Not final: adopted whole when the catalog is read. */
    private Map<String, ModelSnapshot> durable = new HashMap<>();
    /** The keys of {@code durable} in order, worked out when first needed after a new key came in. */
    private String[] sortedKeys;
    private final Map<String, ModelSnapshot> staged = new HashMap<>();

    /** Takes the models read as the whole durable catalog (and their keys in order, when the read knew them). */
    void adopt(CatalogContent content) {
        durable = content.byKey();
        sortedKeys = content.keysInOrder();
        staged.clear();
    }

    /** The durable model, or null. */
    ModelSnapshot get(String key) {
        return durable.get(key);
    }

    /** The model as staged by the current chunk, or else as durable; or null. */
    ModelSnapshot getStaged(String key) {
        ModelSnapshot model = staged.get(key);
        return model != null ? model : durable.get(key);
    }

    /**
     * Stages the changed models of a unit of work, when none changed since it loaded them ({@code loadedRevisions}
     * by key); else none, and {@link ConcurrentModelUpdate}.
     */
    void stage(Collection<ModelSnapshot> changed, Map<String, Long> loadedRevisions) {
        for (ModelSnapshot model : changed) {
            ModelSnapshot stored = getStaged(model.key());
            long storedRevision = stored == null ? 0L : stored.revision();
            long loaded = loadedRevisions.get(model.key());
            if (storedRevision != loaded) {
                throw new ConcurrentModelUpdate(model.name().display(), loaded, storedRevision);
            }
        }
        for (ModelSnapshot model : changed) {
            staged.put(model.key(), model);
        }
    }

    boolean hasStaged() {
        return !staged.isEmpty();
    }

    Collection<ModelSnapshot> staged() {
        return staged.values();
    }

    /** The staged models become durable (they were journalled). */
    void keepStaged() {
        for (ModelSnapshot model : staged.values()) {
            keep(model);
        }
        staged.clear();
    }

    void dropStaged() {
        staged.clear();
    }

    void keep(ModelSnapshot model) {
        if (durable.put(model.key(), model) == null) {
            sortedKeys = null;
        }
    }

    void clear() {
        durable.clear();
        sortedKeys = null;
        staged.clear();
    }

    int size() {
        return durable.size();
    }

    /** Every durable model, in key order. */
    void forEach(Consumer<ModelSnapshot> action) {
        for (String key : sortedKeys()) {
            action.accept(durable.get(key));
        }
    }

    /** At most {@code limit} durable models, in key order, from the {@code from}-th on. */
    List<ModelSnapshot> inKeyOrder(int from, int limit) {
        String[] keys = sortedKeys();
        int to = (int) Math.min(keys.length, (long) from + limit);
        List<ModelSnapshot> models = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            models.add(durable.get(keys[i]));
        }
        return models;
    }

    /** At most {@code limit} durable models whose keys come after {@code afterKey}, in key order. */
    List<ModelSnapshot> after(String afterKey, int limit) {
        int at = Arrays.binarySearch(sortedKeys(), afterKey);
        return inKeyOrder(at >= 0 ? at + 1 : -at - 1, limit);
    }

    private String[] sortedKeys() {
        if (sortedKeys == null) {
            sortedKeys = durable.keySet().toArray(String[]::new);
            Arrays.sort(sortedKeys);
        }
        return sortedKeys;
    }
}

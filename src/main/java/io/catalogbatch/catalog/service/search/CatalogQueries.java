package io.catalogbatch.catalog.service.search;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The read side of the catalog, served by every store; never goes through the command side. */
public interface CatalogQueries {

    List<SearchHit> search(ModelQuery query);

    /** One model by name key, as committed. */
    Optional<ModelSnapshot> find(String key);

    /** Which of these name keys the catalog holds: for many keys, in a few queries rather than one each. */
    default Set<String> storedAmong(Collection<String> keys) {
        Set<String> stored = new HashSet<>();
        for (String key : keys) {
            if (find(key).isPresent()) {
                stored.add(key);
            }
        }
        return stored;
    }

    /** Every stored model, archived ones included, in name key order, without holding them all at once. */
    void forEachModel(Consumer<ModelSnapshot> action);

    long countModels();

    /**
     * Up to {@code limit} models whose name key comes after {@code afterKey} ({@code ""}: from the first),
     * in key order: a page of the catalog, for readers that stream it and resume where they stopped.
     */
    List<ModelSnapshot> modelsAfter(String afterKey, int limit);
}

package io.catalogbatch.catalog.service.search;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The read side of the catalog, served by every store; never goes through the command side. */
public interface CatalogQueries {

    List<SearchHit> search(ModelQuery query);

    /** One model by name key, as committed. */
    Optional<ModelSnapshot> find(String key);

    /** Every stored model, archived ones included, in name key order, without holding them all at once. */
    void forEachModel(Consumer<ModelSnapshot> action);

    long countModels();
}

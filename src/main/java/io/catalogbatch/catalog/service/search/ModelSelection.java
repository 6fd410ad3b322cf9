package io.catalogbatch.catalog.service.search;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.util.function.Consumer;

/**
 * The models an export writes: every stored model (archived ones too), or those a search's filters match (SPEC §1:
 * archived models only when asked). Either way in name key order, streamed from the store, never held at once;
 * a query's sort and page play no part. {@code filters} says in the user's words which filters chose them.
 */
public record ModelSelection(ModelQuery query, boolean whole, String filters) {

    public ModelSelection {
        if (whole != filters.isEmpty()) {
            throw new IllegalArgumentException("a selection names its filters, and only a selection does");
        }
    }

    /** The whole catalog, as an export without filters has always written it. */
    public static ModelSelection everything() {
        return new ModelSelection(ModelQuery.everything(), true, "");
    }

    /** The models this search matches; {@code filters} as the user gave them, e.g. {@code --status deprecated}. */
    public static ModelSelection matching(ModelQuery query, String filters) {
        return new ModelSelection(query, false, filters);
    }

    public boolean includes(ModelSnapshot model) {
        return whole || query.matches(model);
    }

    /** The selected models of the catalog, in name key order. */
    public void forEachModel(CatalogQueries catalog, Consumer<ModelSnapshot> action) {
        catalog.forEachModel(model -> {
            if (includes(model)) {
                action.accept(model);
            }
        });
    }

    /** How many models are selected: the store's count for the whole catalog, else one pass over it. */
    public long count(CatalogQueries catalog) {
        if (whole) {
            return catalog.countModels();
        }
        long[] count = {0};
        forEachModel(catalog, model -> count[0]++);
        return count[0];
    }
}

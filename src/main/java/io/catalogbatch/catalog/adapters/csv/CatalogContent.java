package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The models a catalog folder's files hold, as read: by name key; their keys in order when the read found them
 * so ({@code null} when not); whether they came from the cache rather than the CSV files; and whether the CSV
 * files are not as this version writes them (an earlier version's lower-cased tags such as {@code pixart-ς}, or
 * rows in the order of lower-cased keys), so that a writer rewrites them as it opens them.
 */
record CatalogContent(Map<String, ModelSnapshot> byKey, String[] keysInOrder, boolean fromCache,
                      boolean outOfForm) {

    /** The models of the cache, written in key order: the map is made at its full size at once. */
    static CatalogContent fromCache(List<ModelSnapshot> models) {
        String[] keys = new String[models.size()];
        Map<String, ModelSnapshot> byKey = new HashMap<>(keys.length * 4 / 3 + 1);
        boolean inOrder = true;
        for (int i = 0; i < keys.length; i++) {
            ModelSnapshot model = models.get(i);
            keys[i] = model.key();
            byKey.put(keys[i], model);
            inOrder &= i == 0 || keys[i - 1].compareTo(keys[i]) < 0;
        }
        return new CatalogContent(byKey, inOrder ? keys : null, true, false);
    }
}

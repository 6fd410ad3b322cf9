package io.catalogbatch.catalog.service.search;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.util.ArrayList;
import java.util.List;

/** The search of SPEC §1 over models held in memory (the CSV store and the fakes). */
public final class InMemorySearch {

    private InMemorySearch() {
    }

    public static List<SearchHit> search(Iterable<ModelSnapshot> models, ModelQuery query) {
        List<ModelSnapshot> matching = new ArrayList<>();
        for (ModelSnapshot model : models) {
            if (query.matches(model)) {
                matching.add(model);
            }
        }
        matching.sort(query.order());
        List<SearchHit> hits = new ArrayList<>();
        long end = Math.min(matching.size(), (long) query.offset() + query.limit());
        for (int i = query.offset(); i < end; i++) {
            hits.add(SearchHit.of(i + 1L, matching.get(i), query));
        }
        return hits;
    }
}

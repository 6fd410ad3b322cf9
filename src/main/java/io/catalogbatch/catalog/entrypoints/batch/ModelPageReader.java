package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a whole catalog in name key order, a page at a time, without holding it all; keeps the last key
 * handed out in the step's execution context, so a restarted step goes on after the last committed chunk.
 */
public final class ModelPageReader implements ItemStreamReader<ModelSnapshot> {

    private static final String LAST_KEY = "models.last.key";

    private final CatalogQueries catalog;
    private final int pageSize;
    private final Deque<ModelSnapshot> page = new ArrayDeque<>();
    private String lastKey = "";
    private String lastRead = "";
    private boolean exhausted;

    public ModelPageReader(CatalogQueries catalog, int pageSize) {
        this.catalog = catalog;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        lastRead = context.getString(LAST_KEY, "");
        lastKey = lastRead;
    }

    @Override
    public ModelSnapshot read() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(catalog.modelsAfter(lastRead, pageSize));
            exhausted = page.size() < pageSize;
            if (!page.isEmpty()) {
                lastRead = page.peekLast().key();
            }
        }
        ModelSnapshot next = page.poll();
        if (next != null) {
            lastKey = next.key();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(LAST_KEY, lastKey);
    }
}

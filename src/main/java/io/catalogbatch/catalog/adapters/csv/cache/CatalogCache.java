package io.catalogbatch.catalog.adapters.csv.cache;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A faster way to read a CSV catalog's files than parsing them, and never the catalog itself: the store works
 * the same without one ({@link #NONE}), and with one that is missing, stale or damaged.
 */
public interface CatalogCache {

    /** No cache: every opening parses the CSV files, and nothing is written beside them. */
    CatalogCache NONE = new CatalogCache() {
        @Override
        public Optional<List<ModelSnapshot>> read() {
            return Optional.empty();
        }

        @Override
        public void refresh(Consumer<Consumer<ModelSnapshot>> models) {
        }
    };

    /** The binary snapshot {@value SnapshotCache#FILE} of the files {@code csvFiles} of {@code folder}. */
    static CatalogCache snapshotOf(Path folder, List<String> csvFiles) {
        return new SnapshotCache(folder, csvFiles);
    }

    /** The catalog's models in key order, when the cache holds exactly what the CSV files hold now; else empty. */
    Optional<List<ModelSnapshot>> read();

    /**
     * Caches these models (the catalog's content, in key order), which the CSV files were just rewritten with.
     * Never fails: a cache that cannot be written is left so that it is not read.
     */
    void refresh(Consumer<Consumer<ModelSnapshot>> models);
}

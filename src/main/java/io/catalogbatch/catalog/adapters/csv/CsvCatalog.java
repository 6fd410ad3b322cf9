package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.adapters.ChunkSynchronization;
import io.catalogbatch.catalog.adapters.csv.cache.CatalogCache;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.InMemorySearch;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A catalog kept in a folder as {@code models.csv} and {@code tags.csv} (raw form, sorted by name key): the store
 * port, and when things happen. The whole catalog is held in memory ({@link InMemoryCatalog}); committed changes go
 * to the journal at once and into the two files, atomically, when the store is closed ({@link CatalogFiles}). One
 * writer at a time: opening for writing takes the folder's lock ({@link CatalogLock}). Readers take none and read
 * one version of the folder ({@link ConsistentRead}). A cache of the files ({@link CatalogCache}) only makes
 * opening faster.
 */
public final class CsvCatalog implements CatalogStore, CatalogQueries, ChunkSynchronization.Staging {

    private final Path folder;
    /** Null when opened for reading. */
    private final CatalogLock lock;
    private final CatalogFiles files;
    private final InMemoryCatalog models = new InMemoryCatalog();
    private final ChunkSynchronization synchronization = new ChunkSynchronization(this);
    private boolean journalled;
    private boolean closed;

    private CsvCatalog(Path folder, CatalogLock lock, CatalogCache cache) {
        this.folder = folder;
        this.lock = lock;
        this.files = new CatalogFiles(folder, cache);
    }

    /** Opens the folder (created when missing) for changes, refusing when another writer has it. */
    public static CsvCatalog openForWriting(Path folder) throws IOException {
        return openForWriting(folder, snapshotCacheOf(folder));
    }

    /** {@link #openForWriting(Path)} with this cache of the files ({@link CatalogCache#NONE}: none). */
    public static CsvCatalog openForWriting(Path folder, CatalogCache cache) throws IOException {
        Files.createDirectories(folder);
        CatalogLock lock = CatalogLock.acquire(folder);
        CsvCatalog catalog = new CsvCatalog(folder, lock, cache);
        CatalogContent read;
        try {
            read = catalog.readCacheOrCsvAndJournal(true);
        } catch (IOException | RuntimeException e) {
            lock.close(); // a damaged file must not keep the catalog locked for the rest of a watch process
            throw e;
        }
        if (catalog.files.behindTheJournal() || read.outOfForm()) {
            catalog.compact();
        } else if (!read.fromCache() && catalog.files.hasCsvFiles()) {
            // read from CSV this once: a catalog of an older version, or edited by hand
            catalog.files.refreshCache(catalog);
        }
        return catalog;
    }

    /**
     * Opens the folder to read the catalog as it stands between imports; takes no lock and never writes.
     * While an import runs, that is the catalog before it (its journal is not read), or once it replaces
     * the files, the catalog after it: never a mix of the two. A journal left by a killed import counts.
     */
    public static CsvCatalog openForReading(Path folder) throws IOException {
        return openForReading(folder, snapshotCacheOf(folder));
    }

    /** {@link #openForReading(Path)} with this cache of the files ({@link CatalogCache#NONE}: none). */
    public static CsvCatalog openForReading(Path folder, CatalogCache cache) throws IOException {
        CsvCatalog catalog = new CsvCatalog(folder, null, cache);
        ConsistentRead.repeatWhileChanged(folder, catalog::readCacheOrCsvAndJournal);
        return catalog;
    }

    /** The binary snapshot of the two catalog files, {@code .snapshot.bin}. */
    public static CatalogCache snapshotCacheOf(Path folder) {
        return CatalogCache.snapshotOf(folder, List.of(CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE));
    }

    /** Holds what the cache or the CSV files hold, and the journal's complete batches on top when asked. */
    private CatalogContent readCacheOrCsvAndJournal(boolean withJournal) throws IOException {
        CatalogContent read = files.readCacheOrCsv();
        models.adopt(read);
        if (withJournal) {
            files.replayJournal(models);
        }
        return read;
    }

    @Override
    public CatalogQueries queries() {
        return this;
    }

    @Override
    public CsvCatalogUnitOfWork unitOfWork() {
        requireWriter();
        return new CsvCatalogUnitOfWork(this);
    }

    @Override
    public Optional<ModelSnapshot> find(String key) {
        return Optional.ofNullable(models.get(key));
    }

    /** The model as last committed, or as staged by the current chunk. */
    Optional<ModelSnapshot> findStaged(String key) {
        return Optional.ofNullable(models.getStaged(key));
    }

    /** Takes the changed models of a unit of work; they become durable with the chunk (or at once). */
    void stage(Collection<ModelSnapshot> changed, Map<String, Long> loadedRevisions) {
        models.stage(changed, loadedRevisions);
        if (!synchronization.joinedTransaction()) {
            flush();
        }
    }

    /** Makes the staged models durable: one journal append, forced to disk. */
    @Override
    public void flush() {
        if (!models.hasStaged()) {
            return;
        }
        files.appendToJournal(models.staged(), models::get);
        models.keepStaged();
        journalled = true;
    }

    @Override
    public void dropStaged() {
        models.dropStaged();
    }

    @Override
    public List<SearchHit> search(ModelQuery query) {
        return InMemorySearch.search(models.inKeyOrder(0, Integer.MAX_VALUE), query);
    }

    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        models.forEach(action);
    }

    @Override
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        return models.after(afterKey, limit);
    }

    /** Empties the catalog: both files rewritten empty, at once (a migration with --overwrite starts so). */
    @Override
    public void deleteAll() throws IOException {
        requireWriter();
        models.clear();
        compact();
    }

    @Override
    public long countModels() {
        return models.size();
    }

    /**
     * Writes everything committed into the catalog files and forgets the journal; releases the lock. When the
     * files cannot be written (a full disk), they stay as they were and the journal stays for the next opening.
     * Closing again does nothing.
     */
    @Override
    public void close() throws IOException {
        if (lock == null || closed) {
            return;
        }
        closed = true;
        try {
            if (journalled) {
                compact();
            }
        } finally {
            files.close();
            lock.close();
        }
    }

    private void compact() throws IOException {
        files.rewrite(this);
        journalled = false;
    }

    private void requireWriter() {
        if (lock == null) {
            throw new IllegalStateException("catalog " + folder + " was opened for reading");
        }
    }
}

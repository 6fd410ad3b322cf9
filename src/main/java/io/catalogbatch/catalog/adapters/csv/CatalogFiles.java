package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.adapters.csv.cache.CatalogCache;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.shared.csv.CsvFlavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files of a CSV catalog folder and what is done to them: reading the cache or the two CSV files, the
 * journal (append, replay), and the rewrite of the CSV files (compaction) under the {@value #COMPACTING} marker.
 */
final class CatalogFiles implements AutoCloseable {

    /** Present while the catalog files are being replaced: from before the first move until the journal is gone. */
    static final String COMPACTING = ".compacting";

    private final Path folder;
    private final CatalogJournal journal;
    private final CatalogCache cache;

    CatalogFiles(Path folder, CatalogCache cache) {
        this.folder = folder;
        this.journal = new CatalogJournal(folder);
        this.cache = cache;
    }

    /** The models of the cache when it matches the CSV files, else of the CSV files. */
    CatalogContent readCacheOrCsv() throws IOException {
        Optional<List<ModelSnapshot>> cached = cache.read();
        return cached.isPresent() ? CatalogContent.fromCache(cached.get()) : CatalogCsvReader.read(folder);
    }

    /**
     * Replays the journal's complete batches onto the catalog. A model of the journal is the same model as the one
     * it replaces, whose first spelling it keeps; another name under the same key comes from a journal an earlier
     * version left (it keyed names by lower-casing).
     */
    void replayJournal(InMemoryCatalog catalog) throws IOException {
        journal.replay(catalog::get, model -> {
            ModelSnapshot before = catalog.get(model.key());
            if (before != null && !before.name().equals(model.name())) {
                throw CatalogCsvReader.collision(folder, before.name().display(), model.name().display());
            }
            catalog.keep(model);
        });
    }

    /** One batch, forced to disk; {@code held}: the model as the catalog holds it before the batch, or null. */
    void appendToJournal(Collection<ModelSnapshot> models, Function<String, ModelSnapshot> held) {
        try {
            journal.append(models, held);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the journal of catalog " + folder, e);
        }
    }

    /** Whether a journal or an unfinished rewrite is there: the CSV files do not hold everything committed. */
    boolean behindTheJournal() {
        return journal.exists() || Files.exists(folder.resolve(COMPACTING));
    }

    boolean hasCsvFiles() {
        return Files.exists(folder.resolve(CatalogCsvLayout.MODELS_FILE));
    }

    /**
     * Rewrites both CSV files from the catalog, each atomically, under the marker; then forgets the journal and
     * refreshes the cache.
     */
    void rewrite(CatalogQueries catalog) throws IOException {
        Path marker = folder.resolve(COMPACTING);
        Files.write(marker, new byte[0]);
        CatalogCsvLayout.write(catalog, folder, CsvFlavour.RAW);
        journal.delete();
        Files.deleteIfExists(marker);
        cache.refresh(catalog::forEachModel);
    }

    /** Caches the catalog the CSV files hold: after they were read rather than the cache. */
    void refreshCache(CatalogQueries catalog) {
        cache.refresh(catalog::forEachModel);
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}

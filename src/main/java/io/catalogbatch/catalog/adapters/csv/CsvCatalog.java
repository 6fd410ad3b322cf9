package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.adapters.ChunkSynchronization;
import io.catalogbatch.catalog.adapters.csv.cache.CatalogCache;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CaseFoldingCollision;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.ConcurrentModelUpdate;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.InMemorySearch;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import io.catalogbatch.shared.csv.CsvFlavour;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A catalog kept in a folder as {@code models.csv} and {@code tags.csv} (raw form, sorted by name key).
 * The whole catalog is held in memory; committed changes go to the journal at once and into the two
 * files, atomically, when the store is closed. One writer at a time: opening for writing takes the
 * folder's lock.
 */
public final class CsvCatalog implements CatalogStore, CatalogQueries, ChunkSynchronization.Staging {

    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private final Path folder;
    /** Not final: made at its full size when the catalog is read from its snapshot. */
    private Map<String, ModelSnapshot> durable = new HashMap<>();
    /** The keys of {@code durable} in order, worked out when first needed after a new key came in. */
    private String[] sortedKeys;
    private final Map<String, ModelSnapshot> pending = new HashMap<>();
    private final CatalogJournal journal;
    private final CatalogLock lock;
    private final CatalogCache cache;
    private final ChunkSynchronization synchronization = new ChunkSynchronization(this);
    private boolean journalled;
    private boolean closed;
    /** Whether the last load read the snapshot rather than the CSV files. */
    private boolean fromSnapshot;
    /**
     * Whether the files are not as this version writes them: an earlier version's lower-cased tags
     * ({@code pixart-ς}), or models in the order of lower-cased keys. A writer rewrites them as it opens.
     */
    private boolean filesOutOfForm;

    /** Present while the catalog files are being replaced: from before the first move until the journal is gone. */
    static final String COMPACTING = ".compacting";

    private CsvCatalog(Path folder, CatalogLock lock, CatalogCache cache) throws IOException {
        this.folder = folder;
        this.lock = lock;
        this.cache = cache;
        this.journal = new CatalogJournal(folder);
        if (lock != null) {
            loadFiles();
            journal.replay(durable::get, this::keepReplayed);
        } else {
            loadSnapshot();
        }
    }

    /** Opens the folder (created when missing) for changes, refusing when another writer has it. */
    public static CsvCatalog openForWriting(Path folder) throws IOException {
        return openForWriting(folder, snapshotCacheOf(folder));
    }

    /** {@link #openForWriting(Path)} with this cache of the files ({@link CatalogCache#NONE}: none). */
    public static CsvCatalog openForWriting(Path folder, CatalogCache cache) throws IOException {
        Files.createDirectories(folder);
        CatalogLock lock = CatalogLock.acquire(folder);
        CsvCatalog catalog;
        try {
            catalog = new CsvCatalog(folder, lock, cache);
        } catch (IOException | RuntimeException e) {
            lock.close(); // a damaged file must not keep the catalog locked for the rest of a watch process
            throw e;
        }
        if (catalog.journal.exists() || Files.exists(folder.resolve(COMPACTING)) || catalog.filesOutOfForm) {
            catalog.compact();
        } else if (!catalog.fromSnapshot && Files.exists(folder.resolve(CatalogCsvLayout.MODELS_FILE))) {
            catalog.writeSnapshot(); // read from CSV this once: a catalog of an older version, or edited by hand
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
        return new CsvCatalog(folder, null, cache);
    }

    /** The binary snapshot of the two catalog files, {@code .snapshot.bin}. */
    public static CatalogCache snapshotCacheOf(Path folder) {
        return CatalogCache.snapshotOf(folder, List.of(CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE));
    }

    @Override
    public CatalogQueries queries() {
        return this;
    }

    @Override
    public CsvCatalogUnitOfWork unitOfWork() {
        if (lock == null) {
            throw new IllegalStateException("catalog " + folder + " was opened for reading");
        }
        return new CsvCatalogUnitOfWork(this);
    }

    @Override
    public Optional<ModelSnapshot> find(String key) {
        return Optional.ofNullable(durable.get(key));
    }

    /** The model as last committed, or as staged by the current chunk. */
    Optional<ModelSnapshot> findStaged(String key) {
        ModelSnapshot staged = pending.get(key);
        return Optional.ofNullable(staged != null ? staged : durable.get(key));
    }

    /** Takes the changed models of a unit of work; they become durable with the chunk (or at once). */
    void stage(Collection<ModelSnapshot> changed, Map<String, Long> loadedRevisions) {
        for (ModelSnapshot model : changed) {
            long stored = findStaged(model.key()).map(ModelSnapshot::revision).orElse(0L);
            long loaded = loadedRevisions.get(model.key());
            if (stored != loaded) {
                throw new ConcurrentModelUpdate(model.name().display(), loaded, stored);
            }
        }
        changed.forEach(model -> pending.put(model.key(), model));
        if (!synchronization.joinedTransaction()) {
            flush();
        }
    }

    /** Makes the staged models durable: one journal append, forced to disk. */
    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            journal.append(pending.values(), durable::get);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the journal of catalog " + folder, e);
        }
        keep(pending.values());
        pending.clear();
        journalled = true;
    }

    @Override
    public void dropStaged() {
        pending.clear();
    }

    private void keep(Collection<ModelSnapshot> models) {
        for (ModelSnapshot model : models) {
            if (durable.put(model.key(), model) == null) {
                sortedKeys = null;
            }
        }
    }

    /**
     * A model of the journal: the same model as the one it replaces, whose first spelling it keeps. Another name
     * under the same key comes from a journal an earlier version left (it keyed names by lower-casing).
     */
    private void keepReplayed(ModelSnapshot model) {
        ModelSnapshot before = durable.get(model.key());
        if (before != null && !before.name().equals(model.name())) {
            throw collision(before.name().display(), model.name().display());
        }
        keep(List.of(model));
    }

    private CaseFoldingCollision collision(String one, String other) {
        return CaseFoldingCollision.between(one, other, second -> String.format(
                "in %s and %s of %s, give \"%s\" another name in every row that names it, successor cells included",
                CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE, folder, second));
    }

    private String[] sortedKeys() {
        if (sortedKeys == null) {
            sortedKeys = durable.keySet().toArray(String[]::new);
            Arrays.sort(sortedKeys);
        }
        return sortedKeys;
    }

    private List<ModelSnapshot> inKeyOrder(int from, int limit) {
        String[] keys = sortedKeys();
        int to = (int) Math.min(keys.length, (long) from + limit);
        List<ModelSnapshot> models = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            models.add(durable.get(keys[i]));
        }
        return models;
    }

    @Override
    public List<SearchHit> search(ModelQuery query) {
        return InMemorySearch.search(inKeyOrder(0, Integer.MAX_VALUE), query);
    }

    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        for (String key : sortedKeys()) {
            action.accept(durable.get(key));
        }
    }

    @Override
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        int at = Arrays.binarySearch(sortedKeys(), afterKey);
        return inKeyOrder(at >= 0 ? at + 1 : -at - 1, limit);
    }

    /** Empties the catalog: both files rewritten empty, at once (a migration with --overwrite starts so). */
    @Override
    public void deleteAll() throws IOException {
        if (lock == null) {
            throw new IllegalStateException("catalog " + folder + " was opened for reading");
        }
        durable.clear();
        sortedKeys = null;
        pending.clear();
        compact();
    }

    @Override
    public long countModels() {
        return durable.size();
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
            journal.close();
            lock.close();
        }
    }

    private void compact() throws IOException {
        Path marker = folder.resolve(COMPACTING);
        Files.write(marker, new byte[0]);
        CatalogCsvLayout.write(this, folder, CsvFlavour.RAW);
        journal.delete();
        Files.deleteIfExists(marker);
        journalled = false;
        writeSnapshot();
    }

    /** Only ever a faster way to read the files: when it cannot be written, the next run reads the CSV. */
    private void writeSnapshot() {
        cache.refresh(this::forEachModel);
    }

    /**
     * Reads files and journal as one snapshot: the journal counts when the files are being replaced (it
     * holds every model the new files change) or when no import runs (a killed one left it); the read is
     * done again when the files or the marker changed under it.
     */
    private void loadSnapshot() throws IOException {
        Path marker = folder.resolve(COMPACTING);
        for (int attempt = 1; ; attempt++) {
            boolean compacting = Files.exists(marker);
            boolean journalCounts = compacting || journal.exists() && !CatalogLock.held(folder);
            List<Object> before = fileVersions();
            durable.clear();
            sortedKeys = null;
            loadFiles();
            if (journalCounts) {
                journal.replay(durable::get, this::keepReplayed);
            }
            if (before.equals(fileVersions()) && compacting == Files.exists(marker)) {
                return;
            }
            if (attempt == 100) {
                throw new IOException("the catalog " + folder + " kept changing while it was read; try again");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the catalog " + folder, e);
            }
        }
    }

    /** What identifies the present version of each catalog file: replacing a file changes it. */
    private List<Object> fileVersions() throws IOException {
        List<Object> versions = new ArrayList<>();
        for (String name : List.of(CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE)) {
            try {
                BasicFileAttributes file = Files.readAttributes(folder.resolve(name), BasicFileAttributes.class);
                versions.add(Arrays.asList(file.fileKey(), file.lastModifiedTime(), file.size()));
            } catch (NoSuchFileException e) {
                versions.add(null);
            }
        }
        return versions;
    }

    /**
     * Reads the snapshot when it matches the files, else both files; the tags file on a second thread
     * meanwhile, for the two take seconds each.
     */
    private void loadFiles() throws IOException {
        Optional<List<ModelSnapshot>> snapshot = cache.read();
        fromSnapshot = snapshot.isPresent();
        filesOutOfForm = false;
        if (fromSnapshot) {
            List<ModelSnapshot> models = snapshot.get();
            String[] keys = new String[models.size()];
            durable = new HashMap<>(keys.length * 4 / 3 + 1);
            boolean inOrder = true;
            for (int i = 0; i < keys.length; i++) {
                ModelSnapshot model = models.get(i);
                keys[i] = model.key();
                durable.put(keys[i], model);
                inOrder &= i == 0 || keys[i - 1].compareTo(keys[i]) < 0;
            }
            sortedKeys = inOrder ? keys : null; // written in key order
            return;
        }
        FutureTask<TagsFile> tagsFile = new FutureTask<>(() -> {
            Map<String, List<Tag>> tags = new HashMap<>();
            boolean[] folded = {true};
            eachRecord(CatalogCsvLayout.TAGS_FILE, record -> {
                String text = record.get("tag");
                Tag tag = Tag.storedLowerCased(text); // an earlier version lower-cased: pixart-ς
                folded[0] &= tag.value().equals(text);
                tags.computeIfAbsent(ModelName.keyOf(record.get("model")), k -> new ArrayList<>(4)).add(tag);
            });
            return new TagsFile(tags, folded[0]);
        });
        Thread reader = new Thread(tagsFile, "catalog-tags-reader");
        reader.setDaemon(true);
        reader.start();
        String[] lastKey = {null};
        boolean[] inOrder = {true};
        try {
            eachRecord(CatalogCsvLayout.MODELS_FILE, record -> {
                ModelSnapshot model = CatalogCsvLayout.model(record.toList(), List.of());
                ModelSnapshot other = durable.put(model.key(), model);
                if (other != null) {
                    throw collision(other.name().display(), model.name().display());
                }
                inOrder[0] &= lastKey[0] == null || lastKey[0].compareTo(model.key()) < 0;
                lastKey[0] = model.key();
            });
        } catch (IOException | RuntimeException e) {
            reader.interrupt();
            throw e;
        }
        sortedKeys = null;
        TagsFile tags = tagsOf(tagsFile);
        filesOutOfForm = !inOrder[0] || !tags.folded();
        tags.byKey().forEach((key, modelTags) -> durable.computeIfPresent(key, (k, model) -> new ModelSnapshot(
                model.name(), model.details(), model.status(), model.revision(), SortedTags.copyOf(modelTags))));
    }

    /** The tags of {@code tags.csv} by name key; {@code folded}: whether every one was written canonical. */
    private record TagsFile(Map<String, List<Tag>> byKey, boolean folded) {
    }

    private static TagsFile tagsOf(FutureTask<TagsFile> tagsFile) throws IOException {
        try {
            return tagsFile.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the catalog", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private void eachRecord(String fileName, Consumer<CSVRecord> action) throws IOException {
        Path file = folder.resolve(fileName);
        if (!Files.exists(file)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ_FORMAT).get()) {
            parser.forEach(action);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException(String.format("the catalog file %s is damaged (%s); restore it from a backup "
                    + "or a raw export, or import into a new catalog", file, e.getMessage()));
        }
    }
}

package io.catalogbatch.catalog.adapters.csv.cache;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The catalog's models in a binary file beside its CSV files, read instead of them when it matches them: parsing
 * a million models from CSV takes seconds, every run, while this reads in sections side by side and skips the
 * CSV parse and the gathering of each model's tags. The CSV files stay the catalog; this is a cache of them,
 * trusted only when it names their exact content (size and CRC-32C of each, checked on every read, so an edit
 * by hand or a restored backup is noticed) and its own sections pass their CRC. Anything else (missing, older
 * layout, damaged, stale) reads as "nothing cached".
 *
 * <p>Layout: sections of models ({@link SectionWriter}), then a footer ({@link SnapshotFooter}); the last 16
 * bytes are the footer's offset and an end mark.
 */
public final class SnapshotCache implements CatalogCache {

    public static final String FILE = ".snapshot.bin";
    private static final int MODELS_PER_SECTION = 50_000;

    private final Path folder;
    private final Path file;
    private final List<String> csvFiles;

    SnapshotCache(Path folder, List<String> csvFiles) {
        this.folder = folder;
        this.file = folder.resolve(FILE);
        this.csvFiles = List.copyOf(csvFiles);
    }

    @Override
    public Optional<List<ModelSnapshot>> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            SnapshotFooter footer = SnapshotFooter.read(channel, csvFiles);
            if (footer == null) {
                return Optional.empty();
            }
            ExecutorService threads = Executors.newFixedThreadPool(
                    Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), task -> {
                        Thread thread = new Thread(task, "catalog-snapshot-reader");
                        thread.setDaemon(true);
                        return thread;
                    });
            try {
                List<Future<Boolean>> checks = new ArrayList<>();
                for (CsvStamp stamp : footer.csvFiles()) {
                    checks.add(threads.submit(() -> stamp.equals(CsvStamp.of(folder.resolve(stamp.name())))));
                }
                List<Future<List<ModelSnapshot>>> sections = new ArrayList<>();
                for (long offset : footer.sections()) {
                    sections.add(threads.submit(() -> SectionReader.read(file, offset, footer.tags())));
                }
                for (Future<Boolean> check : checks) {
                    if (!result(check)) {
                        return Optional.empty();
                    }
                }
                List<ModelSnapshot> models = new ArrayList<>(footer.models());
                for (Future<List<ModelSnapshot>> section : sections) {
                    List<ModelSnapshot> read = result(section);
                    if (read == null) {
                        return Optional.empty();
                    }
                    models.addAll(read);
                }
                return models.size() == footer.models() ? Optional.of(models) : Optional.empty();
            } finally {
                threads.shutdownNow(); // only the snapshot's own channels are interrupted
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or unreadable: the CSV files say the same, slower
        }
    }

    /** When the snapshot cannot be written, none is left: the next run reads the CSV files. */
    @Override
    public void refresh(Consumer<Consumer<ModelSnapshot>> models) {
        try {
            write(models, MODELS_PER_SECTION);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale snapshot names other file contents than the catalog's, so it is never read
            }
        }
    }

    /**
     * Writes the snapshot of these models for the CSV files now in the folder, in sections of {@code perSection}
     * models (tests use small ones): into a temporary file, then moved into place.
     */
    void write(Consumer<Consumer<ModelSnapshot>> models, int perSection) throws IOException {
        Path next = folder.resolve(FILE + ".tmp");
        Files.deleteIfExists(file); // stale from here on: the files it names are being replaced or are gone
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(next), 1 << 16)) {
            SectionWriter sections = new SectionWriter(out, perSection);
            models.accept(sections::add);
            sections.finish();
            List<CsvStamp> stamps = new ArrayList<>(csvFiles.size());
            for (String name : csvFiles) {
                stamps.add(CsvStamp.of(folder.resolve(name)));
            }
            SnapshotFooter footer = new SnapshotFooter(sections.total(), sections.offsets(), sections.tags(), stamps);
            SnapshotBytes end = footer.bytes(sections.written());
            out.write(end.bytes, 0, end.size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(next);
            throw e;
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static <T> T result(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the catalog snapshot", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }
}

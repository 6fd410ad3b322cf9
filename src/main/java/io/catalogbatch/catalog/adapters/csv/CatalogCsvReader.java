package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CaseFoldingCollision;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code models.csv} and {@code tags.csv} of a catalog folder (a missing file holds nothing): the tags file
 * on a second thread meanwhile, for the two take seconds each at a million models. Reads what earlier versions
 * wrote too, folded, and says so ({@link CatalogContent#outOfForm()}).
 */
final class CatalogCsvReader {

    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private CatalogCsvReader() {
    }

    static CatalogContent read(Path folder) throws IOException {
        FutureTask<TagsFile> tagsFile = new FutureTask<>(() -> readTags(folder));
        Thread reader = new Thread(tagsFile, "catalog-tags-reader");
        reader.setDaemon(true);
        reader.start();
        Map<String, ModelSnapshot> byKey = new HashMap<>();
        String[] lastKey = {null};
        boolean[] inOrder = {true};
        try {
            eachRecord(folder, CatalogCsvLayout.MODELS_FILE, record -> {
                ModelSnapshot model = CatalogCsvLayout.model(record.toList(), List.of());
                ModelSnapshot other = byKey.put(model.key(), model);
                if (other != null) {
                    throw collision(folder, other.name().display(), model.name().display());
                }
                inOrder[0] &= lastKey[0] == null || lastKey[0].compareTo(model.key()) < 0;
                lastKey[0] = model.key();
            });
        } catch (IOException | RuntimeException e) {
            reader.interrupt();
            throw e;
        }
        TagsFile tags = tagsOf(tagsFile);
        tags.byKey().forEach((key, modelTags) -> byKey.computeIfPresent(key, (k, model) -> new ModelSnapshot(
                model.name(), model.details(), model.status(), model.revision(), SortedTags.copyOf(modelTags))));
        return new CatalogContent(byKey, null, false, !inOrder[0] || !tags.folded());
    }

    /**
     * Two names of the files that fold to one key: an earlier version keyed names by lower-casing, so its files
     * (or its journal) can hold both.
     */
    static CaseFoldingCollision collision(Path folder, String one, String other) {
        return CaseFoldingCollision.between(one, other, second -> String.format(
                "in %s and %s of %s, give \"%s\" another name in every row that names it, successor cells included",
                CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE, folder, second));
    }

    /** The tags of {@code tags.csv} by name key; {@code folded}: whether every one was written canonical. */
    private record TagsFile(Map<String, List<Tag>> byKey, boolean folded) {
    }

    private static TagsFile readTags(Path folder) throws IOException {
        Map<String, List<Tag>> tags = new HashMap<>();
        boolean[] folded = {true};
        eachRecord(folder, CatalogCsvLayout.TAGS_FILE, record -> {
            String text = record.get("tag");
            Tag tag = Tag.storedLowerCased(text); // an earlier version lower-cased: pixart-ς
            folded[0] &= tag.value().equals(text);
            tags.computeIfAbsent(ModelName.keyOf(record.get("model")), k -> new ArrayList<>(4)).add(tag);
        });
        return new TagsFile(tags, folded[0]);
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

    private static void eachRecord(Path folder, String fileName, Consumer<CSVRecord> action) throws IOException {
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

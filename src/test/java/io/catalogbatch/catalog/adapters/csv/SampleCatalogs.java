package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.adapters.csv.cache.CatalogCache;
import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CSV catalogs of many shapes (quotes, umlauts, empty cells, tags or none), for the store's and its cache's tests. */
public final class SampleCatalogs {

    private SampleCatalogs() {
    }

    /** A catalog of {@code count} models in {@code at}, written and closed (so with its snapshot). */
    public static void writeCatalog(Path at, int count) throws Exception {
        try (CsvCatalog catalog = CsvCatalog.openForWriting(at)) {
            CatalogUnitOfWork uow = catalog.unitOfWork();
            try (uow) {
                for (int i = 0; i < count; i++) {
                    uow.models().add(model(i));
                }
                uow.commit();
            }
        }
    }

    /** Model {@code i}, named {@code Ärger/model-i}. */
    public static Model model(int i) {
        ModelDetails details = new ModelDetails("description " + i + ", \"quoted\"",
                i % 2 == 0 ? "text-classification" : "", "pytorch", i % 3 == 0 ? "" : "mit",
                "https://example.org/" + i, i % 5 == 0 ? "" : "2024-09-20", i % 7 == 0 ? "Ärger/model-0" : "");
        Set<Tag> tags = new HashSet<>();
        for (int t = 0; t < i % 4; t++) {
            tags.add(Tag.of(t == 2 ? "Sprache:Deutsch " + i % 3 : "tag-" + t));
        }
        Status status = i % 6 == 5 ? Status.DEPRECATED : Status.ACTIVE;
        return Model.add(ModelName.of("Ärger/model-" + i), ModelPatch.of(details, status), tags);
    }

    /** The catalog as its CSV files (and journal) give it, in key order: read without the cache. */
    public static List<ModelSnapshot> readFiles(Path at) throws Exception {
        try (CsvCatalog reader = CsvCatalog.openForReading(at, CatalogCache.NONE)) {
            List<ModelSnapshot> models = new ArrayList<>();
            reader.forEachModel(models::add);
            return models;
        }
    }

    /** The files of {@code from} in {@code to}, as a kill would leave them (the lock file aside). */
    public static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals(CatalogLock.FILE)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

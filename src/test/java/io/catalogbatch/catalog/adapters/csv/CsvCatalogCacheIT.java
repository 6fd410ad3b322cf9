package io.catalogbatch.catalog.adapters.csv;

import static io.catalogbatch.catalog.adapters.csv.SampleCatalogs.copyFolder;
import static io.catalogbatch.catalog.adapters.csv.SampleCatalogs.readFiles;
import static io.catalogbatch.catalog.adapters.csv.SampleCatalogs.writeCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.csv.cache.CatalogCache;
import io.catalogbatch.catalog.adapters.csv.cache.SnapshotCache;
import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV store and the cache of its files: who writes it, when it is read, and a store without one. */
class CsvCatalogCacheIT {

    @TempDir
    Path folder;

    @Test
    void closing_a_changed_catalog_writes_its_snapshot_and_opening_one_without_gets_one() throws Exception {
        writeCatalog(folder, 3);
        assertThat(CsvCatalog.snapshotCacheOf(folder).read()).isPresent();

        Files.delete(folder.resolve(SnapshotCache.FILE)); // a catalog of an older version
        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            assertThat(reader.countModels()).isEqualTo(3);
        }
        assertThat(folder.resolve(SnapshotCache.FILE)).as("a reader never writes").doesNotExist();

        try (CsvCatalog writer = CsvCatalog.openForWriting(folder)) {
            assertThat(writer.countModels()).isEqualTo(3);
        }
        assertThat(CsvCatalog.snapshotCacheOf(folder).read().orElseThrow()).isEqualTo(readFiles(folder));
    }

    @Test
    void a_journal_left_by_a_killed_import_counts_on_top_of_the_snapshot() throws Exception {
        Path live = folder.resolve("live");
        Path crashed = folder.resolve("crashed");
        writeCatalog(live, 3);
        try (CsvCatalog catalog = CsvCatalog.openForWriting(live)) {
            Model changed = Model.fromSnapshot(catalog.find("ärger/model-2").orElseThrow());
            changed.tag(Tag.of("after"));
            CatalogUnitOfWork uow = catalog.unitOfWork();
            try (uow) {
                uow.models().add(changed);
                uow.commit();
            }
            copyFolder(live, crashed); // as a kill would leave it: old files, their snapshot, the journal
        }
        assertThat(CsvCatalog.snapshotCacheOf(crashed).read()).isPresent();

        try (CsvCatalog reader = CsvCatalog.openForReading(crashed)) {
            assertThat(reader.find("ärger/model-2").orElseThrow().tags()).extracting(Tag::value).contains("after");
        }
    }

    /**
     * A snapshot that stamps the files but holds another model (made so on purpose) is what a store with the cache
     * reads; a store without one reads the files, and writes no snapshot of its own.
     */
    @Test
    void a_store_without_a_cache_reads_and_writes_the_files_alone() throws Exception {
        writeCatalog(folder, 3);
        CsvCatalog.snapshotCacheOf(folder).refresh(models -> models.accept(SampleCatalogs.model(99).snapshot()));
        try (CsvCatalog cached = CsvCatalog.openForReading(folder)) {
            assertThat(cached.countModels()).as("the planted snapshot is read").isEqualTo(1);
        }

        try (CsvCatalog reader = CsvCatalog.openForReading(folder, CatalogCache.NONE)) {
            assertThat(reader.countModels()).isEqualTo(3);
        }
        Files.delete(folder.resolve(SnapshotCache.FILE));
        try (CsvCatalog writer = CsvCatalog.openForWriting(folder, CatalogCache.NONE)) {
            CsvCatalogIT.commit(writer, SampleCatalogs.model(3));
            assertThat(writer.countModels()).isEqualTo(4);
        }
        assertThat(folder.resolve(SnapshotCache.FILE)).doesNotExist();
        assertThat(readFiles(folder)).hasSize(4);
        try (CsvCatalog cached = CsvCatalog.openForReading(folder)) {
            assertThat(cached.countModels()).isEqualTo(4);
        }
    }
}

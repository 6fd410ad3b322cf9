package io.catalogbatch.catalog.adapters.csv.cache;

import static io.catalogbatch.catalog.adapters.csv.SampleCatalogs.readFiles;
import static io.catalogbatch.catalog.adapters.csv.SampleCatalogs.writeCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.csv.CatalogCsvLayout;
import io.catalogbatch.catalog.adapters.csv.CsvCatalog;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary snapshot beside a CSV catalog's files: read instead of them only when it names their exact
 * content, and then giving the same models; anything else reads as nothing cached, and the files are read.
 */
class SnapshotCacheIT {

    @TempDir
    Path folder;

    private static SnapshotCache cacheOf(Path folder) {
        return new SnapshotCache(folder, List.of(CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE));
    }

    @Test
    void a_catalog_read_from_its_snapshot_is_the_catalog_read_from_its_files() throws Exception {
        writeCatalog(folder, 250);
        List<ModelSnapshot> files = readFiles(folder);
        cacheOf(folder).write(files::forEach, 40); // several sections

        List<ModelSnapshot> fromSnapshot = cacheOf(folder).read().orElseThrow();

        assertThat(fromSnapshot).hasSize(250).isEqualTo(files);
        assertThat(fromSnapshot.get(0).name().display()).isEqualTo("Ärger/model-0");
        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            List<ModelSnapshot> seen = new ArrayList<>();
            reader.forEachModel(seen::add);
            assertThat(seen).isEqualTo(fromSnapshot);
            assertThat(reader.modelsAfter("ärger/model-1", 2)).extracting(m -> m.name().display())
                    .containsExactly("Ärger/model-10", "Ärger/model-100");
        }
    }

    @Test
    void a_catalog_file_edited_by_hand_is_read_even_when_its_size_and_time_did_not_change() throws Exception {
        writeCatalog(folder, 3);
        Path models = folder.resolve(CatalogCsvLayout.MODELS_FILE);
        FileTime time = Files.getLastModifiedTime(models);
        String text = Files.readString(models);
        Files.writeString(models, text.replace("description 1", "DESCRIPTION 1"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(models, time);

        assertThat(cacheOf(folder).read()).isEmpty();
        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            assertThat(reader.find("ärger/model-1").orElseThrow().details().description())
                    .isEqualTo("DESCRIPTION 1, \"quoted\"");
        }
    }

    @Test
    void a_snapshot_of_other_files_is_not_read() throws Exception {
        Path other = folder.resolve("other");
        writeCatalog(folder.resolve("one"), 3);
        writeCatalog(other, 4);
        Files.copy(folder.resolve("one").resolve(SnapshotCache.FILE), other.resolve(SnapshotCache.FILE),
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(cacheOf(other).read()).isEmpty();
        try (CsvCatalog reader = CsvCatalog.openForReading(other)) {
            assertThat(reader.countModels()).isEqualTo(4);
        }
    }

    @Test
    void a_snapshot_made_from_files_of_other_names_is_not_read() throws Exception {
        writeCatalog(folder, 3);

        assertThat(new SnapshotCache(folder, List.of(CatalogCsvLayout.TAGS_FILE, CatalogCsvLayout.MODELS_FILE))
                .read()).isEmpty();
    }

    /** Its keys and tags were lower-cased: read, it would give pixart-ς where the files now read pixart-σ. */
    @Test
    void a_snapshot_of_the_layout_before_case_folding_is_not_read() throws Exception {
        writeCatalog(folder, 3);
        Path file = folder.resolve(SnapshotCache.FILE);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, bytes.length - 8, 8, StandardCharsets.US_ASCII)).isEqualTo("cb-snap2");
        bytes[bytes.length - 1] = '1';
        Files.write(file, bytes);

        assertThat(cacheOf(folder).read()).isEmpty();
    }

    @Test
    void a_damaged_or_cut_snapshot_is_not_read_and_the_files_are() throws Exception {
        writeCatalog(folder, 120);
        List<ModelSnapshot> files = readFiles(folder);
        cacheOf(folder).write(files::forEach, 50);
        Path file = folder.resolve(SnapshotCache.FILE);
        byte[] whole = Files.readAllBytes(file);

        for (int at : new int[] {0, 13, whole.length / 3, whole.length / 2, whole.length - 40, whole.length - 9}) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x20;
            Files.write(file, damaged);
            assertThat(cacheOf(folder).read()).as("byte %d changed", at).isEmpty();
        }
        for (int length : new int[] {0, 15, whole.length / 2, whole.length - 1}) {
            Files.write(file, Arrays.copyOf(whole, length));
            assertThat(cacheOf(folder).read()).as("cut at %d", length).isEmpty();
        }
        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            assertThat(reader.countModels()).isEqualTo(120);
        }
    }

    @Test
    void a_snapshot_that_cannot_be_written_leaves_none_behind() throws Exception {
        writeCatalog(folder, 3);
        Path file = folder.resolve(SnapshotCache.FILE);
        assertThat(file).exists();

        cacheOf(folder).refresh(models -> {
            throw new IllegalStateException("the disk is full");
        });

        assertThat(file).doesNotExist();
        assertThat(folder.resolve(SnapshotCache.FILE + ".tmp")).doesNotExist();
    }
}

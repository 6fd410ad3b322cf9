package io.catalogbatch.catalog.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary snapshot beside a CSV catalog's files: read instead of them only when it names their exact
 * content, and then giving the same models; anything else reads the files.
 */
class CatalogSnapshotIT {

    @TempDir
    Path folder;

    @Test
    void a_catalog_read_from_its_snapshot_is_the_catalog_read_from_its_files() throws Exception {
        writeCatalog(folder, 250);
        List<ModelSnapshot> files = readFiles(folder);
        CatalogSnapshot.write(folder, files::forEach, 40); // several sections

        List<ModelSnapshot> fromSnapshot = CatalogSnapshot.read(folder).orElseThrow();

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
    void closing_a_changed_catalog_writes_its_snapshot_and_opening_one_without_gets_one() throws Exception {
        writeCatalog(folder, 3);
        assertThat(CatalogSnapshot.read(folder)).isPresent();

        Files.delete(folder.resolve(CatalogSnapshot.FILE)); // a catalog of an older version
        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            assertThat(reader.countModels()).isEqualTo(3);
        }
        assertThat(folder.resolve(CatalogSnapshot.FILE)).as("a reader never writes").doesNotExist();

        try (CsvCatalog writer = CsvCatalog.openForWriting(folder)) {
            assertThat(writer.countModels()).isEqualTo(3);
        }
        assertThat(CatalogSnapshot.read(folder).orElseThrow()).isEqualTo(readFiles(folder));
    }

    @Test
    void a_catalog_file_edited_by_hand_is_read_even_when_its_size_and_time_did_not_change() throws Exception {
        writeCatalog(folder, 3);
        Path models = folder.resolve(CatalogCsvLayout.MODELS_FILE);
        FileTime time = Files.getLastModifiedTime(models);
        String text = Files.readString(models);
        Files.writeString(models, text.replace("description 1", "DESCRIPTION 1"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(models, time);

        assertThat(CatalogSnapshot.read(folder)).isEmpty();
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
        Files.copy(folder.resolve("one").resolve(CatalogSnapshot.FILE), other.resolve(CatalogSnapshot.FILE),
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(CatalogSnapshot.read(other)).isEmpty();
        try (CsvCatalog reader = CsvCatalog.openForReading(other)) {
            assertThat(reader.countModels()).isEqualTo(4);
        }
    }

    /** Its keys and tags were lower-cased: read, it would give pixart-ς where the files now read pixart-σ. */
    @Test
    void a_snapshot_of_the_layout_before_case_folding_is_not_read() throws Exception {
        writeCatalog(folder, 3);
        Path file = folder.resolve(CatalogSnapshot.FILE);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, bytes.length - 8, 8, StandardCharsets.US_ASCII)).isEqualTo("cb-snap2");
        bytes[bytes.length - 1] = '1';
        Files.write(file, bytes);

        assertThat(CatalogSnapshot.read(folder)).isEmpty();
    }

    @Test
    void a_damaged_or_cut_snapshot_is_not_read_and_the_files_are() throws Exception {
        writeCatalog(folder, 120);
        List<ModelSnapshot> files = readFiles(folder);
        CatalogSnapshot.write(folder, files::forEach, 50);
        Path file = folder.resolve(CatalogSnapshot.FILE);
        byte[] whole = Files.readAllBytes(file);

        for (int at : new int[] {0, 13, whole.length / 3, whole.length / 2, whole.length - 40, whole.length - 9}) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x20;
            Files.write(file, damaged);
            assertThat(CatalogSnapshot.read(folder)).as("byte %d changed", at).isEmpty();
        }
        for (int length : new int[] {0, 15, whole.length / 2, whole.length - 1}) {
            Files.write(file, Arrays.copyOf(whole, length));
            assertThat(CatalogSnapshot.read(folder)).as("cut at %d", length).isEmpty();
        }
        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            assertThat(reader.countModels()).isEqualTo(120);
        }
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
        assertThat(CatalogSnapshot.read(crashed)).isPresent();

        try (CsvCatalog reader = CsvCatalog.openForReading(crashed)) {
            assertThat(reader.find("ärger/model-2").orElseThrow().tags()).extracting(Tag::value).contains("after");
        }
    }

    /** A catalog of {@code count} models in {@code at}, written and closed (so with its snapshot). */
    private static void writeCatalog(Path at, int count) throws Exception {
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

    private static Model model(int i) {
        ModelDetails details = new ModelDetails("description " + i + ", \"quoted\"", i % 2 == 0 ? "text-classification" : "",
                "pytorch", i % 3 == 0 ? "" : "mit", "https://example.org/" + i, i % 5 == 0 ? "" : "2024-09-20",
                i % 7 == 0 ? "Ärger/model-0" : "");
        Set<Tag> tags = new HashSet<>();
        for (int t = 0; t < i % 4; t++) {
            tags.add(Tag.of(t == 2 ? "Sprache:Deutsch " + i % 3 : "tag-" + t));
        }
        Status status = i % 6 == 5 ? Status.DEPRECATED : Status.ACTIVE;
        return Model.add(ModelName.of("Ärger/model-" + i), ModelPatch.of(details, status), tags);
    }

    /** The catalog as its CSV files give it, the snapshot aside. */
    private static List<ModelSnapshot> readFiles(Path at) throws Exception {
        Path aside = at.resolve(CatalogSnapshot.FILE + ".aside");
        boolean had = Files.exists(at.resolve(CatalogSnapshot.FILE));
        if (had) {
            Files.move(at.resolve(CatalogSnapshot.FILE), aside);
        }
        try (CsvCatalog reader = CsvCatalog.openForReading(at)) {
            List<ModelSnapshot> models = new ArrayList<>();
            reader.forEachModel(models::add);
            return models;
        } finally {
            if (had) {
                Files.move(aside, at.resolve(CatalogSnapshot.FILE));
            }
        }
    }

    private static void copyFolder(Path from, Path to) throws Exception {
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

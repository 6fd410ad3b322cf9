package io.catalogbatch.catalog.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogBusy;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCatalogIT {

    @TempDir
    Path folder;

    static Model model(String name, String... tags) {
        ModelDetails details = new ModelDetails("a, \"quoted\"\ndescription", "", "", "", "", "", "");
        Set<Tag> tagSet = new HashSet<>();
        for (String tag : tags) {
            tagSet.add(Tag.of(tag));
        }
        return Model.add(ModelName.of(name), ModelPatch.of(details, Status.ACTIVE), tagSet);
    }

    /** The folder {@code live} with this one model, closed: its files written, no journal. */
    private Path closedCatalogWith(Model model) throws IOException {
        Path live = folder.resolve("live");
        try (CsvCatalog catalog = CsvCatalog.openForWriting(live)) {
            commit(catalog, model);
        }
        return live;
    }

    static void commit(CsvCatalog catalog, Model model) {
        CatalogUnitOfWork uow = catalog.unitOfWork();
        try (uow) {
            uow.models().add(model);
            uow.commit();
        }
    }

    @Test
    void writes_both_files_sorted_by_name_key_in_raw_form_when_closed() throws Exception {
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder)) {
            commit(catalog, model("b-model", "z", "a"));
            commit(catalog, model("A-model", "x"));
        }

        assertThat(Files.readString(folder.resolve("models.csv"))).isEqualTo(
                "name,description,task,framework,license,url,created,status,successor,revision\r\n"
                        + "A-model,\"a, \"\"quoted\"\"\ndescription\",,,,,,active,,2\r\n"
                        + "b-model,\"a, \"\"quoted\"\"\ndescription\",,,,,,active,,3\r\n");
        assertThat(Files.readString(folder.resolve("tags.csv")))
                .isEqualTo("model,tag\r\nA-model,x\r\nb-model,a\r\nb-model,z\r\n");
        assertThat(folder.resolve(CatalogJournal.FILE)).doesNotExist();
    }

    @Test
    void a_commit_is_durable_before_the_files_are_rewritten() throws Exception {
        Path crashed = folder.resolve("crashed");
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder.resolve("live"))) {
            commit(catalog, model("kept", "t"));
            copyFolder(folder.resolve("live"), crashed);
        }

        assertThat(crashed.resolve("models.csv")).doesNotExist();
        try (CsvCatalog recovered = CsvCatalog.openForWriting(crashed)) {
            assertThat(recovered.countModels()).isEqualTo(1);
        }
        assertThat(Files.readString(crashed.resolve("tags.csv"))).isEqualTo("model,tag\r\nkept,t\r\n");
        assertThat(crashed.resolve(CatalogJournal.FILE)).doesNotExist();
    }

    @Test
    void ignores_a_batch_torn_by_a_crash_in_the_middle_of_its_append() throws Exception {
        Path crashed = folder.resolve("crashed");
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder.resolve("live"))) {
            commit(catalog, model("first"));
            commit(catalog, model("second"));
            copyFolder(folder.resolve("live"), crashed);
        }
        Path journal = crashed.resolve(CatalogJournal.FILE);
        String whole = Files.readString(journal);
        for (int cut = whole.indexOf("C,1\n") + 4; cut < whole.length() - 1; cut += 3) {
            Files.writeString(journal, whole.substring(0, cut), StandardCharsets.UTF_8);

            try (CsvCatalog reader = CsvCatalog.openForReading(crashed)) {
                assertThat(reader.countModels()).as("journal cut at %d", cut).isEqualTo(1);
            }
        }
    }

    /**
     * A kill can cut the last record anywhere, also in the middle of a tag ({@code tag-20} of {@code tag-208-x})
     * or a date, which are no values of the domain: the batches before it stand, at every cut.
     */
    @Test
    void a_record_cut_in_the_middle_of_a_tag_or_a_date_is_a_torn_tail() throws Exception {
        Path live = closedCatalogWith(model("first", "tag-1"));
        Path crashed = folder.resolve("crashed");
        try (CsvCatalog catalog = CsvCatalog.openForWriting(live)) {
            CatalogUnitOfWork uow = catalog.unitOfWork();
            try (uow) {
                uow.models().get("first").orElseThrow().tag(Tag.of("tag-208-x"));
                uow.models().add(Model.add(ModelName.of("second"), ModelPatch.of(new ModelDetails("d", "task",
                        "fw", "mit", "https://example.org/m", "2024-01-15", ""), Status.ACTIVE), Set.of()));
                uow.commit();
            }
            copyFolder(live, crashed);
        }
        Path journal = crashed.resolve(CatalogJournal.FILE);
        String whole = Files.readString(journal);
        assertThat(whole).startsWith("T,first,").contains("tag-208-x").contains("2024-01-15");

        for (int cut = 1; cut < whole.length() - 1; cut++) {
            Files.writeString(journal, whole.substring(0, cut), StandardCharsets.UTF_8);

            try (CsvCatalog reader = CsvCatalog.openForReading(crashed)) {
                assertThat(reader.find("first").orElseThrow().tags()).as("journal cut at %d", cut)
                        .extracting(Tag::value).containsExactly("tag-1");
                assertThat(reader.find("second")).as("journal cut at %d", cut).isEmpty();
            }
        }
    }

    /** A committed batch that cannot be read is damage: the catalog says where rather than drop it. */
    @Test
    void a_damaged_committed_record_is_reported_with_its_line() throws Exception {
        Path crashed = folder.resolve("crashed");
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder.resolve("live"))) {
            commit(catalog, model("first", "tag-1"));
            commit(catalog, model("second", "tag-2"));
            copyFolder(folder.resolve("live"), crashed);
        }
        Path journal = crashed.resolve(CatalogJournal.FILE);
        Files.writeString(journal, Files.readString(journal).replace("tag-2", "tag-2-"));

        assertThatThrownBy(() -> CsvCatalog.openForReading(crashed).close())
                .hasMessageContaining(journal + " line 4")
                .hasMessageContaining("the journal is damaged");
    }

    /**
     * A change of tags alone is journalled without the description, and a crash after it gives back the whole
     * model: from the old files, and from files already rewritten with it (the journal is deleted after them).
     */
    @Test
    void a_change_of_tags_alone_is_journalled_short_and_recovered_whole() throws Exception {
        Path live = closedCatalogWith(model("m", "a"));
        Path oldFiles = folder.resolve("old-files");
        Path newFiles = folder.resolve("new-files");
        String journal;
        try (CsvCatalog catalog = CsvCatalog.openForWriting(live)) {
            CatalogUnitOfWork uow = catalog.unitOfWork();
            try (uow) {
                uow.models().get("m").orElseThrow().tag(Tag.of("b"));
                uow.commit();
            }
            copyFolder(live, oldFiles);
            journal = Files.readString(live.resolve(CatalogJournal.FILE));
        }
        copyFolder(live, newFiles);
        Files.writeString(newFiles.resolve(CatalogJournal.FILE), journal);

        assertThat(journal).isEqualTo("T,m,3,a b\nC,1\n");
        for (Path crashed : List.of(oldFiles, newFiles)) {
            try (CsvCatalog reader = CsvCatalog.openForReading(crashed)) {
                ModelSnapshot m = reader.find("m").orElseThrow();
                assertThat(m.tags()).as("%s", crashed).extracting(Tag::value).containsExactly("a", "b");
                assertThat(m.revision()).isEqualTo(3);
                assertThat(m.details().description()).isEqualTo("a, \"quoted\"\ndescription");
            }
            CsvCatalog.openForWriting(crashed).close();
            assertThat(Files.readString(crashed.resolve("models.csv")))
                    .isEqualTo(Files.readString(live.resolve("models.csv")));
            assertThat(Files.readString(crashed.resolve("tags.csv"))).isEqualTo("model,tag\r\nm,a\r\nm,b\r\n");
        }
    }

    @Test
    void a_damaged_catalog_file_is_named_with_what_to_do() throws Exception {
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder)) {
            commit(catalog, model("m", "a"));
        }
        Path models = folder.resolve("models.csv");
        Path tags = folder.resolve("tags.csv");
        String goodModels = Files.readString(models);
        Files.writeString(models, goodModels.replace(",active,,2", ",active,,two"));
        assertThatThrownBy(() -> CsvCatalog.openForReading(folder)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("the catalog file " + models + " is damaged")
                .hasMessageContaining("restore it from a backup");
        Files.writeString(models, goodModels);
        Files.writeString(tags, "model,tag\r\nm,\"a\r\n");
        assertThatThrownBy(() -> CsvCatalog.openForWriting(folder)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("the catalog file " + tags + " is damaged");
        Files.writeString(tags, "model,tag\r\nm,a\r\n");
        try (CsvCatalog writer = CsvCatalog.openForWriting(folder)) { // the failed opening left no lock
            assertThat(writer.find("m").orElseThrow().tags()).containsExactly(Tag.of("a"));
        }
    }

    @Test
    void refuses_a_second_writer_while_the_first_holds_the_folder() throws Exception {
        try (CsvCatalog first = CsvCatalog.openForWriting(folder)) {
            assertThatThrownBy(() -> CsvCatalog.openForWriting(folder))
                    .isInstanceOf(CatalogBusy.class)
                    .hasMessageContaining("in use by another catalog-batch run");
        }
        CsvCatalog.openForWriting(folder).close();
    }

    @Test
    void a_reader_sees_the_catalog_before_a_running_import_and_never_writes() throws Exception {
        try (CsvCatalog writer = CsvCatalog.openForWriting(folder)) {
            commit(writer, model("one"));
        }
        try (CsvCatalog writer = CsvCatalog.openForWriting(folder)) {
            commit(writer, model("two"));
            try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
                assertThat(reader.countModels()).isEqualTo(1);
                assertThatThrownBy(reader::unitOfWork).isInstanceOf(IllegalStateException.class);
            }
        }
        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            assertThat(reader.countModels()).isEqualTo(2);
        }
    }

    @Test
    void a_reader_counts_the_journal_a_killed_import_left() throws Exception {
        Path crashed = folder.resolve("crashed");
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder.resolve("live"))) {
            commit(catalog, model("kept", "t"));
            copyFolder(folder.resolve("live"), crashed);
        }

        try (CsvCatalog reader = CsvCatalog.openForReading(crashed)) {
            assertThat(reader.find("kept")).isPresent();
        }
    }

    /**
     * Rounds of imports retag every model, one unit of work each, while readers open the catalog again and
     * again: each reader must see every model with the same tag (the catalog before or after a round).
     */
    @Test
    void readers_during_imports_see_the_old_or_the_new_catalog_never_a_mix() throws Exception {
        int models = 40;
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder)) {
            for (int i = 0; i < models; i++) {
                commit(catalog, model("model-" + i, "round-0"));
            }
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicBoolean reading = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> rounds = writer.submit(() -> {
            try {
                // 25 rounds at least, then on until the readers have seen two: how many rounds a reader sees
                // depends on the scheduler, so the writer waits for the readers rather than the test for luck.
                for (int round = 1; reading.get() && (round <= 25 || seen.size() < 2); round++) {
                    try (CsvCatalog catalog = CsvCatalog.openForWriting(folder)) {
                        for (int i = 0; i < models; i++) {
                            CatalogUnitOfWork uow = catalog.unitOfWork();
                            try (uow) {
                                Model model = uow.models().get("model-" + i).orElseThrow();
                                model.untag(Tag.of("round-" + (round - 1)));
                                model.tag(Tag.of("round-" + round));
                                uow.commit();
                            }
                        }
                    }
                }
            } finally {
                writing.set(false);
            }
            return null;
        });
        try {
            while (writing.get()) {
                try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
                    Set<String> tags = new HashSet<>();
                    reader.forEachModel(model -> model.tags().forEach(tag -> tags.add(tag.value())));
                    assertThat(reader.countModels()).isEqualTo(models);
                    assertThat(tags).as("tags seen by one reader").hasSize(1);
                    seen.addAll(tags);
                }
            }
            rounds.get();
        } finally {
            reading.set(false);
            writer.shutdownNow();
        }
        assertThat(seen).as("rounds seen by readers").hasSizeGreaterThan(1);
    }

    @Test
    void an_unknown_folder_is_an_empty_catalog() throws Exception {
        try (CsvCatalog reader = CsvCatalog.openForReading(folder.resolve("nothing-here"))) {
            assertThat(reader.countModels()).isZero();
        }
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(CatalogLock.FILE)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

package io.catalogbatch.catalog.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogBusy;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
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
    void a_reader_sees_committed_models_and_never_writes() throws Exception {
        try (CsvCatalog writer = CsvCatalog.openForWriting(folder)) {
            commit(writer, model("one"));
            try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
                assertThat(reader.countModels()).isEqualTo(1);
                assertThatThrownBy(reader::unitOfWork).isInstanceOf(IllegalStateException.class);
            }
        }
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

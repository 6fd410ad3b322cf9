package io.catalogbatch.catalog.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.adapters.csv.cache.SnapshotCache;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CaseFoldingCollision;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog folder written by the version that lower-cased keys and tags: its tags hold {@code pixart-ς}, and its
 * rows are in the order of lower-cased keys ({@code straße} after {@code strata}). A writer rewrites it folded as
 * it opens it, a reader reads it folded and leaves it alone, and two names that fold to one key stop both.
 */
class CsvCaseFoldingUpgradeIT {

    private static final String HEADER = "name,description,task,framework,license,url,created,status,successor,"
            + "revision\r\n";
    private static final String PIXART = "PixArt-alpha/PixArt-Sigma-XL-2-1024-MS";

    @TempDir
    Path folder;

    @BeforeEach
    void earlierVersionsFolder() throws Exception {
        write("models.csv", HEADER
                + PIXART + ",Σ at the start,text-to-image,,,,,active,,3\r\n"
                + "strata,,,,,,,active,,2\r\n"
                + "Straße-net,ΟΣΤΡΑ,,,,,,active,,1\r\n"
                + "ΟΔΟΣ-bert,,,,,,,active,,2\r\n");
        write("tags.csv", "model,tag\r\n"
                + PIXART + ",pixart-ς\r\n"
                + PIXART + ",pixart-σ\r\n"
                + "strata,nlp\r\n"
                + "ΟΔΟΣ-bert,σας\r\n");
    }

    @Test
    void a_writer_rewrites_the_files_with_folded_tags_in_folded_key_order_as_it_opens_them() throws Exception {
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder)) {
            assertThat(read("models.csv")).isEqualTo(HEADER
                    + PIXART + ",Σ at the start,text-to-image,,,,,active,,3\r\n"
                    + "Straße-net,ΟΣΤΡΑ,,,,,,active,,1\r\n"
                    + "strata,,,,,,,active,,2\r\n"
                    + "ΟΔΟΣ-bert,,,,,,,active,,2\r\n");
            assertThat(read("tags.csv")).isEqualTo("model,tag\r\n"
                    + PIXART + ",pixart-σ\r\n"
                    + "strata,nlp\r\n"
                    + "ΟΔΟΣ-bert,σασ\r\n");
            ModelSnapshot pixart = catalog.find("pixart-alpha/pixart-sigma-xl-2-1024-ms").orElseThrow();
            assertThat(pixart.tags()).extracting(Tag::value).containsExactly("pixart-σ");
            assertThat(pixart.revision()).as("an upgrade is no change of the model").isEqualTo(3);
            assertSearchesFolded(catalog);
        }
        assertThat(folder.resolve(CatalogJournal.FILE)).doesNotExist();
        assertThat(CsvCatalog.snapshotCacheOf(folder).read().orElseThrow()).extracting(ModelSnapshot::key)
                .containsExactly("pixart-alpha/pixart-sigma-xl-2-1024-ms", "strasse-net", "strata", "οδοσ-bert");
    }

    @Test
    void a_reader_answers_folded_and_leaves_the_files_as_they_were() throws Exception {
        String models = read("models.csv");
        String tags = read("tags.csv");

        try (CsvCatalog catalog = CsvCatalog.openForReading(folder)) {
            assertSearchesFolded(catalog);
            assertThat(catalog.find("οδοσ-bert").orElseThrow().tags()).extracting(Tag::value).containsExactly("σασ");
        }

        assertThat(read("models.csv")).isEqualTo(models);
        assertThat(read("tags.csv")).isEqualTo(tags);
        assertThat(folder.resolve(SnapshotCache.FILE)).doesNotExist();
    }

    @Test
    void two_names_that_fold_to_one_key_stop_readers_and_writers_naming_both_and_nothing_changes() throws Exception {
        write("models.csv", read("models.csv") + "STRASSE-NET,,,,,,,active,,1\r\n");
        String models = read("models.csv");
        String tags = read("tags.csv");

        assertThatThrownBy(() -> CsvCatalog.openForWriting(folder)).isInstanceOf(CaseFoldingCollision.class)
                .hasMessageContaining("\"STRASSE-NET\" and \"Straße-net\"")
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("in models.csv and tags.csv of " + folder + ", give \"Straße-net\" another name");
        assertThatThrownBy(() -> CsvCatalog.openForReading(folder)).isInstanceOf(CaseFoldingCollision.class);
        assertThat(read("models.csv")).isEqualTo(models);
        assertThat(read("tags.csv")).isEqualTo(tags);

        write("models.csv", models.replace("Straße-net,", "Straße-net (2),"));
        try (CsvCatalog catalog = CsvCatalog.openForWriting(folder)) { // the failed opening left no lock
            assertThat(catalog.countModels()).isEqualTo(5);
        }
    }

    @Test
    void a_journal_an_earlier_version_left_is_replayed_onto_folded_keys_and_tags() throws Exception {
        write(CatalogJournal.FILE, "T,οδος-bert,4,pixart-ς σας\nC,1\n"
                + "M,ΣΟΦΙΑ,,,,,,,active,,2,ﬁne straße\nC,1\n");

        try (CsvCatalog reader = CsvCatalog.openForReading(folder)) {
            ModelSnapshot odos = reader.find("οδοσ-bert").orElseThrow();
            assertThat(odos.revision()).isEqualTo(4);
            assertThat(odos.tags()).extracting(Tag::value).containsExactly("pixart-σ", "σασ");
            assertThat(reader.find("σοφια").orElseThrow().tags()).extracting(Tag::value)
                    .containsExactly("fine", "strasse");
        }
        try (CsvCatalog writer = CsvCatalog.openForWriting(folder)) {
            assertThat(writer.countModels()).isEqualTo(5);
        }
        assertThat(read("tags.csv")).contains("ΟΔΟΣ-bert,pixart-σ\r\nΟΔΟΣ-bert,σασ\r\n")
                .contains("ΣΟΦΙΑ,fine\r\nΣΟΦΙΑ,strasse\r\n");
    }

    private static void assertSearchesFolded(CsvCatalog catalog) {
        assertThat(names(catalog, ModelQuery.builder().all(Set.of(Tag.of("pixart-σ"))).build()))
                .containsExactly(PIXART);
        assertThat(names(catalog, ModelQuery.builder().text("ΟΣ").build())).containsExactly("Straße-net", "ΟΔΟΣ-bert");
        assertThat(names(catalog, ModelQuery.builder().text("strass").build())).containsExactly("Straße-net");
        assertThat(names(catalog, ModelQuery.everything())).containsExactly(PIXART, "Straße-net", "strata",
                "ΟΔΟΣ-bert");
    }

    private static List<String> names(CsvCatalog catalog, ModelQuery query) {
        return catalog.search(query).stream().map(SearchHit::name).toList();
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(folder.resolve(file), text);
    }

    private String read(String file) throws Exception {
        return Files.readString(folder.resolve(file));
    }
}

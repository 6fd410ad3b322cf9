package io.catalogbatch.catalog.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemorySearchTest {

    private static final List<ModelSnapshot> CATALOG = List.of(
            model("whisper").task("automatic-speech-recognition").framework("JAX").license("MIT")
                    .description("Speech recognition.").created("2022-09-21").revision(2)
                    .tags("audio", "dataset:librispeech").build(),
            model("bert").task("fill-mask").framework("PyTorch").license("apache-2.0")
                    .description("Bidirectional Encoder.").created("2018-10-11").revision(5)
                    .tags("nlp", "encoder", "dataset:wikipedia", "dataset:bookcorpus").build(),
            model("resnet-50").task("image-classification").framework("PyTorch").license("apache-2.0")
                    .status(Status.DEPRECATED).revision(7).tags("vision", "pytorch", "dataset:imagenet").build(),
            model("GPT-2").task("text-generation").framework("pytorch").license("mit")
                    .description("Language model by OpenAI.").created("2019-02-14").revision(3)
                    .tags("nlp", "llm", "pytorch").build(),
            model("plain-model").revision(1).build(),
            model("old-archived").status(Status.ARCHIVED).created("2015-01-01").revision(9).tags("nlp").build());

    private static List<String> names(ModelQuery.Builder query) {
        return search(query).stream().map(SearchHit::name).toList();
    }

    private static List<SearchHit> search(ModelQuery.Builder query) {
        return InMemorySearch.search(CATALOG, query.build());
    }

    private static ModelQuery.Builder query() {
        return ModelQuery.builder();
    }

    private static Set<Tag> tags(String... raw) {
        return Arrays.stream(raw).map(Tag::of).collect(Collectors.toSet());
    }

    private static List<Tag> tagList(String... raw) {
        return Arrays.stream(raw).map(Tag::of).toList();
    }

    @Nested
    class Filters {

        @Test
        void without_filters_finds_active_and_deprecated_models_by_name() {
            assertThat(names(query())).containsExactly("bert", "GPT-2", "plain-model", "resnet-50", "whisper");
        }

        @Test
        void finds_archived_models_only_when_asked() {
            assertThat(names(query().statuses(Set.of(Status.ARCHIVED)))).containsExactly("old-archived");
            assertThat(names(query().statuses(Set.of(Status.ACTIVE, Status.ARCHIVED))))
                    .containsExactly("bert", "GPT-2", "old-archived", "plain-model", "whisper");
            assertThat(names(query().statuses(Set.of(Status.DEPRECATED)))).containsExactly("resnet-50");
        }

        @Test
        void all_keeps_models_having_every_tag() {
            assertThat(names(query().all(tags("nlp")))).containsExactly("bert", "GPT-2");
            assertThat(names(query().all(tags("nlp", "pytorch")))).containsExactly("GPT-2");
        }

        @Test
        void any_keeps_models_having_at_least_one_tag() {
            assertThat(names(query().any(tags("vision", "audio", "nothing")))).containsExactly("resnet-50", "whisper");
        }

        @Test
        void none_keeps_models_having_not_one_of_the_tags_untagged_ones_included() {
            assertThat(names(query().none(tags("nlp", "audio")))).containsExactly("plain-model", "resnet-50");
        }

        @Test
        void prefix_keeps_models_with_some_tag_starting_with_it() {
            assertThat(names(query().prefix("dataset:"))).containsExactly("bert", "resnet-50", "whisper");
            assertThat(names(query().prefix("dataset:w"))).containsExactly("bert");
        }

        @Test
        void prefix_is_canonicalised_like_a_tag() {
            assertThat(names(query().prefix(" DataSet:"))).containsExactly("bert", "resnet-50", "whisper");
            assertThat(names(query().prefix("Dataset:Image Net"))).isEmpty();
            assertThat(names(query().prefix("Dataset:ImageN"))).containsExactly("resnet-50");
        }

        @Test
        void query_tags_are_canonicalised_so_pytorch_in_any_case_finds_pytorch() {
            assertThat(names(query().all(tags("PyTorch")))).containsExactly("GPT-2", "resnet-50");
            assertThat(names(query().any(tags(" Dataset:ImageNet ")))).containsExactly("resnet-50");
            assertThat(names(query().none(tags("NLP", "PYTORCH")))).containsExactly("plain-model", "whisper");
        }

        @Test
        void task_framework_and_license_match_the_whole_value_case_insensitively() {
            assertThat(names(query().task("Fill-Mask"))).containsExactly("bert");
            assertThat(names(query().task("fill"))).isEmpty();
            assertThat(names(query().framework("PYTORCH"))).containsExactly("bert", "GPT-2", "resnet-50");
            assertThat(names(query().license("MIT"))).containsExactly("GPT-2", "whisper");
            assertThat(names(query().license("apache"))).isEmpty();
        }

        @Test
        void text_is_a_case_insensitive_substring_of_name_or_description() {
            assertThat(names(query().text("encoder"))).containsExactly("bert");
            assertThat(names(query().text("gpt"))).containsExactly("GPT-2");
            assertThat(names(query().text("-"))).containsExactly("GPT-2", "plain-model", "resnet-50");
            assertThat(names(query().text("MODEL"))).containsExactly("GPT-2", "plain-model");
        }

        @Test
        void text_does_not_look_at_task_or_tags() {
            assertThat(names(query().text("fill-mask"))).isEmpty();
            assertThat(names(query().text("librispeech"))).isEmpty();
        }

        @Test
        void filters_combine_with_and() {
            assertThat(names(query().any(tags("nlp", "vision")).framework("pytorch").license("apache-2.0")))
                    .containsExactly("bert", "resnet-50");
            assertThat(names(query().all(tags("nlp")).none(tags("llm")).text("encoder"))).containsExactly("bert");
            assertThat(names(query().all(tags("nlp")).statuses(Set.of(Status.ARCHIVED)).text("old")))
                    .containsExactly("old-archived");
        }
    }

    /** SPEC §1: caseless means full case folding (and NFC for text), not lower-casing. */
    @Nested
    class Caseless {

        private final List<ModelSnapshot> catalog = List.of(
                model("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS").task("Text-To-Image").tags("PixArt-Σ").build(),
                model("ΟΔΟΣ-bert").description("ΟΣΤΡΑ and ΟΣ").framework("Straße").build(),
                model("café-nlp/base").description("crème brûlée").license("İ-License").build(),
                model("ﬁne-tuned").description("decomposed: cafe\u0301").build());

        private List<String> found(ModelQuery.Builder query) {
            return InMemorySearch.search(catalog, query.build()).stream().map(SearchHit::name).toList();
        }

        @Test
        void a_tag_written_with_a_final_sigma_is_found_by_any_sigma() {
            assertThat(found(query().all(tags("pixart-σ")))).containsExactly("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS");
            assertThat(found(query().all(tags("PIXART-ς")))).containsExactly("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS");
            assertThat(found(query().prefix("PixArt-Σ"))).containsExactly("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS");
        }

        @Test
        void text_matches_a_sigma_at_every_position() {
            assertThat(found(query().text("οδοσ"))).containsExactly("ΟΔΟΣ-bert");
            assertThat(found(query().text("ΟΔΟς-"))).containsExactly("ΟΔΟΣ-bert");
            assertThat(found(query().text("ΟΣ"))).containsExactly("ΟΔΟΣ-bert");
            assertThat(found(query().text("ος τ"))).isEmpty();
            assertThat(found(query().text("οςτρα"))).containsExactly("ΟΔΟΣ-bert");
        }

        @Test
        void text_matches_sharp_s_ligatures_and_dotted_i_by_their_folding() {
            assertThat(found(query().text("FINE-"))).containsExactly("ﬁne-tuned");
            assertThat(found(query().text("ﬁ"))).containsExactly("ﬁne-tuned");
            assertThat(found(query().framework("STRASSE"))).containsExactly("ΟΔΟΣ-bert");
            assertThat(found(query().framework("straße"))).containsExactly("ΟΔΟΣ-bert");
            assertThat(found(query().license("i\u0307-license"))).containsExactly("café-nlp/base");
            assertThat(found(query().license("i-license"))).isEmpty();
        }

        @Test
        void task_framework_and_license_are_trimmed_of_unicode_white_space() {
            assertThat(found(query().task("\u00A0text-to-image\u3000"))).containsExactly(
                    "PixArt-alpha/PixArt-Sigma-XL-2-1024-MS");
        }

        @Test
        void text_is_nfc_on_both_sides() {
            assertThat(found(query().text("cafe\u0301"))).containsExactly("café-nlp/base", "ﬁne-tuned");
            assertThat(found(query().text("CAFÉ"))).containsExactly("café-nlp/base", "ﬁne-tuned");
            assertThat(found(query().text("BRU\u0302LE\u0301E"))).containsExactly("café-nlp/base");
        }
    }

    @Nested
    class Sorting {

        @Test
        void by_name_descending() {
            assertThat(names(query().sort(SortField.NAME, true)))
                    .containsExactly("whisper", "resnet-50", "plain-model", "GPT-2", "bert");
        }

        @Test
        void by_name_key_in_code_unit_order_not_a_locale_collation() {
            List<ModelSnapshot> models = List.of(model("Zeta").build(), model("émile").build(), model("alpha").build(),
                    model("ab").build(), model("a_b").build(), model("a-b").build(), model("_x").build());
            assertThat(InMemorySearch.search(models, ModelQuery.everything())).extracting(SearchHit::name)
                    .containsExactly("_x", "a-b", "a_b", "ab", "alpha", "Zeta", "émile");
        }

        @Test
        void by_created_ascending_with_models_without_a_date_last() {
            assertThat(names(query().sort(SortField.CREATED, false)))
                    .containsExactly("bert", "GPT-2", "whisper", "plain-model", "resnet-50");
        }

        @Test
        void by_created_descending_still_with_models_without_a_date_last() {
            assertThat(names(query().sort(SortField.CREATED, true)))
                    .containsExactly("whisper", "GPT-2", "bert", "plain-model", "resnet-50");
        }

        @Test
        void by_revision_either_way() {
            assertThat(names(query().sort(SortField.REVISION, false)))
                    .containsExactly("plain-model", "whisper", "GPT-2", "bert", "resnet-50");
            assertThat(names(query().sort(SortField.REVISION, true)))
                    .containsExactly("resnet-50", "bert", "GPT-2", "whisper", "plain-model");
        }

        @Test
        void ties_go_by_name_key_ascending_in_both_directions() {
            List<ModelSnapshot> models = List.of(model("c").revision(2).created("2024-01-01").build(),
                    model("A").revision(2).created("2024-01-01").build(),
                    model("b").revision(2).created("2024-01-01").build(),
                    model("z").revision(1).created("2023-01-01").build());
            for (SortField field : List.of(SortField.REVISION, SortField.CREATED)) {
                assertThat(InMemorySearch.search(models, query().sort(field, true).build()))
                        .as("%s desc", field).extracting(SearchHit::name).containsExactly("A", "b", "c", "z");
                assertThat(InMemorySearch.search(models, query().sort(field, false).build()))
                        .as("%s asc", field).extracting(SearchHit::name).containsExactly("z", "A", "b", "c");
            }
        }

        @Test
        void models_without_a_date_tie_by_name_key() {
            List<ModelSnapshot> models = List.of(model("b").build(), model("C").build(), model("a").build(),
                    model("d").created("2020-01-01").build());
            assertThat(InMemorySearch.search(models, query().sort(SortField.CREATED, true).build()))
                    .extracting(SearchHit::name).containsExactly("d", "a", "b", "C");
        }

        @Test
        void sort_field_is_parsed_case_insensitively() {
            assertThat(SortField.of(" Created ")).isEqualTo(SortField.CREATED);
        }
    }

    @Nested
    class Paging {

        @Test
        void offset_and_limit_page_the_sorted_result_and_rank_is_the_position_in_the_whole_of_it() {
            assertThat(search(query().page(2, 1))).extracting(SearchHit::rank, SearchHit::name)
                    .containsExactly(tuple(2L, "GPT-2"),
                            tuple(3L, "plain-model"));
        }

        @Test
        void rank_follows_the_chosen_order() {
            assertThat(search(query().sort(SortField.REVISION, true).page(1, 4)))
                    .extracting(SearchHit::rank, SearchHit::name)
                    .containsExactly(tuple(5L, "plain-model"));
        }

        @Test
        void a_last_page_holds_what_is_left() {
            assertThat(search(query().page(10, 4))).extracting(SearchHit::rank).containsExactly(5L);
        }

        @Test
        void an_offset_past_the_end_or_a_zero_limit_finds_nothing() {
            assertThat(search(query().page(10, 5))).isEmpty();
            assertThat(search(query().page(10, 500))).isEmpty();
            assertThat(search(query().page(0, 0))).isEmpty();
        }

        @Test
        void a_negative_limit_or_offset_is_refused() {
            assertThatThrownBy(() -> query().page(-1, 0).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> query().page(1, -1).build()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Columns {

        @Test
        void a_hit_carries_the_result_columns() {
            assertThat(search(query().text("bert"))).containsExactly(new SearchHit(1, "bert", "fill-mask", "PyTorch",
                    "apache-2.0", Status.ACTIVE, List.of(),
                    tagList("dataset:bookcorpus", "dataset:wikipedia", "encoder", "nlp"), "2018-10-11"));
        }

        @Test
        void matched_tags_are_those_that_satisfied_all_any_or_prefix_sorted() {
            SearchHit bert = search(query().all(tags("nlp")).any(tags("encoder", "vision")).prefix("dataset:w"))
                    .get(0);
            assertThat(bert.name()).isEqualTo("bert");
            assertThat(bert.matchedTags()).containsExactlyElementsOf(tagList("dataset:wikipedia", "encoder", "nlp"));
        }

        @Test
        void none_and_other_filters_match_no_tags() {
            assertThat(search(query().none(tags("audio")).framework("pytorch")))
                    .allSatisfy(hit -> assertThat(hit.matchedTags()).isEmpty());
        }

        @Test
        void keeps_the_display_spelling_and_empty_values() {
            assertThat(search(query().text("plain"))).containsExactly(new SearchHit(1, "plain-model", "", "", "",
                    Status.ACTIVE, List.of(), List.of(), ""));
        }
    }

    private static SnapshotBuilder model(String name) {
        return new SnapshotBuilder(name);
    }

    /** A stored model for a search, with only what the test cares about. */
    private static final class SnapshotBuilder {
        private final String name;
        private String description = "";
        private String task = "";
        private String framework = "";
        private String license = "";
        private String created = "";
        private Status status = Status.ACTIVE;
        private long revision = 1;
        private Set<Tag> tags = Set.of();

        private SnapshotBuilder(String name) {
            this.name = name;
        }

        SnapshotBuilder description(String value) {
            description = value;
            return this;
        }

        SnapshotBuilder task(String value) {
            task = value;
            return this;
        }

        SnapshotBuilder framework(String value) {
            framework = value;
            return this;
        }

        SnapshotBuilder license(String value) {
            license = value;
            return this;
        }

        SnapshotBuilder created(String value) {
            created = value;
            return this;
        }

        SnapshotBuilder status(Status value) {
            status = value;
            return this;
        }

        SnapshotBuilder revision(long value) {
            revision = value;
            return this;
        }

        SnapshotBuilder tags(String... raw) {
            tags = InMemorySearchTest.tags(raw);
            return this;
        }

        ModelSnapshot build() {
            return new ModelSnapshot(ModelName.of(name),
                    new ModelDetails(description, task, framework, license, "", created, ""), status, revision,
                    new TreeSet<>(tags));
        }
    }
}

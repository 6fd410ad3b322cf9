package io.catalogbatch.catalog.service;

import static io.catalogbatch.catalog.service.ModelPatches.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.TooManyTags;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.DeprecateModel;
import io.catalogbatch.catalog.domain.events.ModelAdded;
import io.catalogbatch.catalog.domain.events.ModelDeprecated;
import io.catalogbatch.catalog.domain.events.ModelDetailsChanged;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import io.catalogbatch.catalog.domain.events.ModelUntagged;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AddModelHandlerTest extends CatalogServiceTestSupport {

    private static final ModelDetails LLAMA_DETAILS = new ModelDetails("Meta's model.", "text-generation", "PyTorch",
            "llama2", "https://huggingface.co/meta-llama/Llama-2-7b", "2023-07-18", "");
    private static final ModelPatch FULL_LLAMA = ModelPatch.of(LLAMA_DETAILS, Status.ACTIVE);

    @Test
    void adds_a_new_model_with_its_fields_and_tags_at_revision_one_plus_tags() {
        when(new AddModel(name("LLaMA-2"), FULL_LLAMA, tags("LLM", "chat")));

        assertThat(stored("llama-2")).isEqualTo(new ModelSnapshot(name("LLaMA-2"), LLAMA_DETAILS, Status.ACTIVE, 3,
                new TreeSet<>(tags("chat", "llm"))));
        assertThat(uow.commits()).isEqualTo(1);
        assertThat(published).containsExactly(
                new ModelAdded(name("LLaMA-2"), LLAMA_DETAILS, Status.ACTIVE, 1),
                new ModelTagged(name("LLaMA-2"), tag("chat"), 2),
                new ModelTagged(name("LLaMA-2"), tag("llm"), 3));
    }

    @Test
    void a_new_model_may_be_added_deprecated() {
        when(new AddModel(name("old"), patch().status(Status.DEPRECATED).build(), Set.of()));
        assertThat(stored("old").status()).isEqualTo(Status.DEPRECATED);
        assertThat(published).containsExactly(new ModelAdded(name("old"), ModelDetails.NONE, Status.DEPRECATED, 1));
    }

    @Test
    void ignores_the_expected_revision_of_a_model_not_yet_stored() {
        when(new AddModel(name("bert"), ModelPatches.nothing(), Set.of(), 7));
        assertThat(stored("bert").revision()).isEqualTo(1);
    }

    @Test
    void on_an_existing_model_in_another_case_updates_only_present_fields_and_keeps_the_first_spelling() {
        given(new AddModel(name("LLaMA-2"), FULL_LLAMA, tags("chat")));

        when(new AddModel(name(" llama-2 "), patch().task("chat-completion").license("").build(),
                tags("chat", "llm")));

        ModelDetails expected = new ModelDetails("Meta's model.", "chat-completion", "PyTorch", "",
                "https://huggingface.co/meta-llama/Llama-2-7b", "2023-07-18", "");
        assertThat(uow.committed()).hasSize(1);
        assertThat(stored("LLAMA-2")).isEqualTo(new ModelSnapshot(name("LLaMA-2"), expected, Status.ACTIVE, 4,
                new TreeSet<>(tags("chat", "llm"))));
        assertThat(published).containsExactly(
                new ModelDetailsChanged(name("LLaMA-2"), expected, EnumSet.of(ModelField.TASK, ModelField.LICENSE), 3),
                new ModelTagged(name("LLaMA-2"), tag("llm"), 4));
    }

    @Test
    void on_an_existing_model_adds_tags_without_removing_any() {
        given(add("bert", "nlp", "encoder"));
        when(add("BERT", "fill-mask"));
        assertThat(stored("bert").tags()).containsExactly(tag("encoder"), tag("fill-mask"), tag("nlp"));
        assertThat(stored("bert").name().display()).isEqualTo("bert");
    }

    @Test
    void on_an_existing_model_changes_the_status_when_the_row_carries_one() {
        given(add("bert"));
        when(new AddModel(name("bert"), patch().status(Status.DEPRECATED).build(), Set.of()));
        assertThat(stored("bert").status()).isEqualTo(Status.DEPRECATED);
        assertThat(published).containsExactly(new ModelDeprecated(name("bert"), 2));
    }

    @Test
    void on_an_existing_model_records_details_then_status_then_tags() {
        given(add("bert"));
        when(new AddModel(name("bert"), patch().task("ner").status(Status.ARCHIVED).build(), tags("x")));
        assertThat(published).extracting(event -> event.getClass().getSimpleName() + "@" + event.revision())
                .containsExactly("ModelDetailsChanged@2", "ModelArchived@3", "ModelTagged@4");
    }

    @Test
    void re_applying_the_same_command_is_a_no_op() {
        AddModel command = new AddModel(name("LLaMA-2"), FULL_LLAMA, tags("chat", "llm"));
        given(command);

        assertNoOp(command);
        assertNoOp(new AddModel(name("llama-2"), FULL_LLAMA, tags("CHAT")));
        assertThat(stored("llama-2").revision()).isEqualTo(3);
    }

    @Test
    void applies_a_row_carrying_the_stored_revision() {
        given(add("bert", "nlp"));
        when(new AddModel(name("bert"), patch().task("ner").build(), Set.of(), 2));
        assertThat(stored("bert").details().task()).isEqualTo("ner");
        assertThat(stored("bert").revision()).isEqualTo(3);
    }

    @Test
    void refuses_a_row_carrying_another_revision_as_a_conflict_and_commits_nothing() {
        given(add("bert", "nlp"), new AddModel(name("bert"), patch().task("ner").build(), Set.of()));
        assertRefused(new AddModel(name("bert"), patch().task("qa").build(), tags("new"), 2), "conflict", "revision");
        assertThat(stored("bert").details().task()).isEqualTo("ner");
    }

    @Test
    void a_command_with_257_tags_cannot_even_be_built_so_nothing_is_stored() {
        assertThatThrownBy(() -> new AddModel(name("bert"), FULL_LLAMA, numberedTags("t", 257)))
                .isInstanceOf(TooManyTags.class)
                .satisfies(e -> assertThat(((TooManyTags) e).reason()).isEqualTo("too-many-tags"));
        assertThat(uow.committed()).isEmpty();
    }

    @Test
    void a_tag_union_past_256_on_an_existing_model_leaves_its_details_unchanged_too() {
        given(new AddModel(name("bert"), patch().task("fill-mask").build(), numberedTags("old", 250)));

        assertRefused(new AddModel(name("bert"), patch().task("ner").status(Status.ARCHIVED).build(),
                numberedTags("new", 7)), "too-many-tags", "tags");

        assertThat(stored("bert").details().task()).isEqualTo("fill-mask");
        assertThat(stored("bert").status()).isEqualTo(Status.ACTIVE);
        assertThat(stored("bert").revision()).isEqualTo(251);
    }

    @Test
    void the_events_of_a_refused_command_never_reach_the_next_one() {
        given(new AddModel(name("bert"), ModelPatches.nothing(), numberedTags("old", 250)));
        assertRefused(new AddModel(name("bert"), patch().task("ner").build(), numberedTags("new", 7)),
                "too-many-tags", "tags");

        when(new DeprecateModel(name("bert")));

        assertThat(published).containsExactly(new ModelDeprecated(name("bert"), 252));
    }

    @Test
    void stores_the_successor_as_the_target_display_name() {
        given(add("GPT-4"));
        when(new AddModel(name("GPT-3"), patch().successor("gpt-4").status(Status.DEPRECATED).build(), Set.of()));
        assertThat(stored("gpt-3").details().successor()).isEqualTo("GPT-4");
    }

    @Test
    void refuses_a_successor_that_names_no_model() {
        assertRefused(new AddModel(name("GPT-3"), patch().successor("gpt-5").build(), Set.of()), "bad-successor",
                "successor");
        assertThat(uow.committed()).isEmpty();
    }

    @Test
    void refuses_a_new_model_as_its_own_successor() {
        assertRefused(new AddModel(name("GPT-3"), patch().successor("gpt-3").build(), Set.of()), "bad-successor",
                "successor");
    }

    @Test
    void refuses_a_successor_that_would_close_a_cycle() {
        given(add("a"), add("b"), new AddModel(name("a"), patch().successor("b").build(), Set.of()));
        assertRefused(new AddModel(name("B"), patch().successor("A").build(), Set.of()), "bad-successor",
                "successor");
    }

    // ------------------------------------------------ the tags cell of a workbook exported by catalog-batch

    private static AddModel wholeSet(String name, String... tags) {
        return new AddModel(name(name), ModelPatches.nothing(), tags(tags), AddModel.ANY_REVISION, true,
                SpreadsheetRow.NONE);
    }

    @Test
    void a_whole_tag_set_removes_the_tags_left_out_and_adds_the_new_ones() {
        given(add("bert", "nlp", "encoder", "legacy"));

        when(wholeSet("BERT", "nlp", "encoder", "fill-mask"));

        assertThat(stored("bert").tags()).containsExactly(tag("encoder"), tag("fill-mask"), tag("nlp"));
        assertThat(published).containsExactly(
                new ModelUntagged(name("bert"), tag("legacy"), 5),
                new ModelTagged(name("bert"), tag("fill-mask"), 6));
    }

    @Test
    void the_same_whole_tag_set_changes_nothing() {
        given(add("bert", "nlp", "encoder"));

        when(wholeSet("bert", "encoder", "nlp"));

        assertThat(published).isEmpty();
        assertThat(stored("bert").revision()).isEqualTo(3);
    }

    @Test
    void an_empty_whole_tag_set_removes_every_tag() {
        given(add("bert", "nlp", "encoder"));

        when(wholeSet("bert"));

        assertThat(stored("bert").tags()).isEmpty();
        assertThat(published).containsExactly(
                new ModelUntagged(name("bert"), tag("encoder"), 4),
                new ModelUntagged(name("bert"), tag("nlp"), 5));
    }

    @Test
    void a_whole_tag_set_of_a_new_model_is_its_tags() {
        when(wholeSet("bert", "nlp"));

        assertThat(stored("bert").tags()).containsExactly(tag("nlp"));
    }

    @Test
    void without_the_whole_set_a_row_with_fewer_tags_removes_none() {
        given(add("bert", "nlp", "encoder"));

        when(add("bert", "nlp"));

        assertThat(stored("bert").tags()).containsExactly(tag("encoder"), tag("nlp"));
        assertThat(published).isEmpty();
    }
}

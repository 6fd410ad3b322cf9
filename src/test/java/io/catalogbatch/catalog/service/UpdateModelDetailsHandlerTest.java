package io.catalogbatch.catalog.service;

import static io.catalogbatch.catalog.service.ModelPatches.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.UpdateModelDetails;
import io.catalogbatch.catalog.domain.events.ModelDetailsChanged;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UpdateModelDetailsHandlerTest extends CatalogServiceTestSupport {

    private static UpdateModelDetails update(String name, ModelPatches patch) {
        return new UpdateModelDetails(name(name), patch.build());
    }

    @Test
    void changes_the_present_fields_with_one_event_naming_them() {
        given(new AddModel(name("BERT"), patch().description("old").task("fill-mask").framework("PyTorch").build(),
                tags("nlp")));

        when(update("bert", patch().task("ner").framework("").created("2018-10-11T00:00:00Z")));

        ModelDetails expected = new ModelDetails("old", "ner", "", "", "", "2018-10-11", "");
        assertThat(stored("bert").details()).isEqualTo(expected);
        assertThat(stored("bert").revision()).isEqualTo(3);
        assertThat(published).containsExactly(new ModelDetailsChanged(name("BERT"), expected,
                EnumSet.of(ModelField.TASK, ModelField.FRAMEWORK, ModelField.CREATED), 3));
    }

    @Test
    void keeps_the_status_and_tags() {
        given(new AddModel(name("bert"), patch().status(Status.DEPRECATED).build(), tags("nlp")));
        when(update("bert", patch().license("mit")));
        assertThat(stored("bert").status()).isEqualTo(Status.DEPRECATED);
        assertThat(stored("bert").tags()).containsExactly(tag("nlp"));
    }

    @Test
    void the_same_values_again_are_a_no_op() {
        given(add("bert"), update("bert", patch().task("ner").license("mit")));
        assertNoOp(update("BERT", patch().task("ner").license("mit")));
        assertNoOp(update("bert", patch()));
        assertThat(stored("bert").revision()).isEqualTo(2);
    }

    @Test
    void refuses_an_unknown_model_and_commits_nothing() {
        given(add("bert"));
        assertRefused(update("gpt", patch().task("ner")), "unknown-model", "name");
        assertThat(uow.committed()).containsOnlyKeys("bert");
    }

    @Test
    void applies_a_change_made_from_the_stored_revision() {
        given(add("bert", "nlp"));
        when(new UpdateModelDetails(name("bert"), patch().task("ner").build(), 2));
        assertThat(stored("bert").details().task()).isEqualTo("ner");
    }

    @Test
    void refuses_a_change_made_from_a_stale_revision_as_a_conflict() {
        given(add("bert", "nlp"), update("bert", patch().task("ner")));
        assertRefused(new UpdateModelDetails(name("bert"), patch().task("qa").build(), 2), "conflict", "revision");
        assertThat(stored("bert").details().task()).isEqualTo("ner");
    }

    @Test
    void does_not_carry_a_status_change() {
        assertThatThrownBy(() -> new UpdateModelDetails(name("bert"), patch().status(Status.ARCHIVED).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Successor {

        @Test
        void is_stored_as_the_target_display_name() {
            given(add("GPT-4"), add("gpt-3"));
            when(update("GPT-3", patch().successor(" gpt-4 ")));
            assertThat(stored("gpt-3").details().successor()).isEqualTo("GPT-4");
            assertThat(published).singleElement().isInstanceOfSatisfying(ModelDetailsChanged.class,
                    changed -> assertThat(changed.changed()).containsExactly(ModelField.SUCCESSOR));
        }

        @Test
        void naming_the_same_target_in_another_case_is_a_no_op() {
            given(add("GPT-4"), add("gpt-3"), update("gpt-3", patch().successor("GPT-4")));
            assertNoOp(update("gpt-3", patch().successor("gpt-4")));
        }

        @Test
        void must_name_a_stored_model() {
            given(add("gpt-3"));
            assertRefused(update("gpt-3", patch().successor("gpt-5")), "bad-successor", "successor");
        }

        @Test
        void must_not_be_the_model_itself_in_any_spelling() {
            given(add("GPT-3"));
            assertRefused(update("gpt-3", patch().successor(" Gpt-3 ")), "bad-successor", "successor");
        }

        @Test
        void must_not_close_a_two_model_cycle() {
            given(add("a"), add("b"), update("a", patch().successor("b")));
            assertRefused(update("b", patch().successor("a")), "bad-successor", "successor");
        }

        @Test
        void must_not_close_a_longer_cycle() {
            given(add("a"), add("b"), add("c"), update("a", patch().successor("b")),
                    update("b", patch().successor("c")));
            assertRefused(update("c", patch().successor("A")), "bad-successor", "successor");
            assertThat(stored("c").details().successor()).isEmpty();
        }

        @Test
        void may_point_into_a_chain_that_does_not_lead_back() {
            given(add("a"), add("b"), add("c"), update("b", patch().successor("c")));
            when(update("a", patch().successor("b")));
            assertThat(stored("a").details().successor()).isEqualTo("b");
        }

        @Test
        void may_be_cleared_with_an_empty_value() {
            given(add("a"), add("b"), update("a", patch().successor("b")));
            when(update("a", patch().successor("")));
            assertThat(stored("a").details().successor()).isEmpty();
            assertThat(stored("a").revision()).isEqualTo(3);
        }

        @Test
        void a_stale_revision_is_refused_even_with_a_valid_successor() {
            given(add("a"), add("b"));
            assertRefused(new UpdateModelDetails(name("a"), patch().successor("b").build(), 5), "conflict",
                    "revision");
        }

        @Test
        void an_absent_successor_column_leaves_the_successor() {
            given(add("a"), add("b"), update("a", patch().successor("b")));
            when(update("a", patch().task("ner")));
            assertThat(stored("a").details().successor()).isEqualTo("b");
            assertThat(Set.copyOf(uow.committed().keySet())).containsExactlyInAnyOrder("a", "b");
        }
    }
}

package io.catalogbatch.catalog.domain;

import static io.catalogbatch.catalog.domain.DomainAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.events.ModelAdded;
import io.catalogbatch.catalog.domain.events.ModelArchived;
import io.catalogbatch.catalog.domain.events.ModelDeprecated;
import io.catalogbatch.catalog.domain.events.ModelDetailsChanged;
import io.catalogbatch.catalog.domain.events.ModelRestored;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import io.catalogbatch.catalog.domain.events.ModelUntagged;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final ModelName BERT = ModelName.of("BERT-base");
    private static final ModelDetails DETAILS =
            new ModelDetails("An encoder.", "fill-mask", "PyTorch", "apache-2.0", "https://hf.co/bert", "2018-10-11", "");
    private static final ModelPatch NOTHING = new ModelPatch(ModelDetails.NONE, Status.ACTIVE, Set.of());

    private static Tag tag(String raw) {
        return Tag.of(raw);
    }

    private static Set<Tag> tags(String... raw) {
        return Arrays.stream(raw).map(Tag::of).collect(Collectors.toSet());
    }

    private static Set<Tag> numberedTags(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> Tag.of(prefix + i)).collect(Collectors.toSet());
    }

    /** A model as a store would hand it out: loaded from a snapshot, with no pending events. */
    private static Model stored(Status status, long revision, Set<Tag> tags) {
        return Model.fromSnapshot(new ModelSnapshot(BERT, DETAILS, status, revision, new TreeSet<>(tags)));
    }

    private static Model stored() {
        return stored(Status.ACTIVE, 5, tags("nlp", "encoder"));
    }

    @Nested
    class Adding {

        @Test
        void a_new_model_with_three_tags_is_at_revision_four_with_one_added_and_three_tagged_events() {
            Model model = Model.add(BERT, ModelPatch.of(DETAILS, Status.ACTIVE), tags("nlp", "encoder", "bert"));

            assertThat(model.revision()).isEqualTo(4);
            assertThat(model.pullEvents()).containsExactly(
                    new ModelAdded(BERT, DETAILS, Status.ACTIVE, 1),
                    new ModelTagged(BERT, tag("bert"), 2),
                    new ModelTagged(BERT, tag("encoder"), 3),
                    new ModelTagged(BERT, tag("nlp"), 4));
        }

        @Test
        void a_new_model_without_tags_is_at_revision_one() {
            Model model = Model.add(BERT, NOTHING, Set.of());
            assertThat(model.revision()).isEqualTo(1);
            assertThat(model.pullEvents()).containsExactly(new ModelAdded(BERT, ModelDetails.NONE, Status.ACTIVE, 1));
        }

        @Test
        void takes_only_the_fields_the_patch_sets_and_defaults_status_to_active() {
            ModelPatch patch = new ModelPatch(DETAILS, Status.ARCHIVED, EnumSet.of(ModelField.TASK));
            Model model = Model.add(BERT, patch, Set.of());
            assertThat(model.details()).isEqualTo(new ModelDetails("", "fill-mask", "", "", "", "", ""));
            assertThat(model.status()).isEqualTo(Status.ACTIVE);
        }

        @Test
        void a_new_model_may_start_deprecated_and_records_its_status_in_model_added_only() {
            Model model = Model.add(BERT, ModelPatch.of(DETAILS, Status.DEPRECATED), Set.of());
            assertThat(model.status()).isEqualTo(Status.DEPRECATED);
            assertThat(model.pullEvents()).containsExactly(new ModelAdded(BERT, DETAILS, Status.DEPRECATED, 1));
        }

        @Test
        void a_new_model_counts_as_changed_since_loaded_from_revision_zero() {
            Model model = Model.add(BERT, NOTHING, Set.of());
            assertThat(model.loadedRevision()).isZero();
            assertThat(model.changedSinceLoaded()).isTrue();
        }

        @Test
        void accepts_256_tags() {
            Model model = Model.add(BERT, NOTHING, numberedTags("t", 256));
            assertThat(model.tags()).hasSize(256);
            assertThat(model.revision()).isEqualTo(257);
        }

        @Test
        void refuses_257_tags_as_too_many_tags() {
            assertRejected(() -> Model.add(BERT, NOTHING, numberedTags("t", 257)), "too-many-tags", "tags");
        }

        @Test
        void pulling_events_hands_them_out_once() {
            Model model = Model.add(BERT, NOTHING, tags("nlp"));
            assertThat(model.pullEvents()).hasSize(2);
            assertThat(model.pullEvents()).isEmpty();
        }
    }

    @Nested
    class Loading {

        @Test
        void a_loaded_model_records_nothing_and_is_unchanged() {
            Model model = stored();
            assertThat(model.pullEvents()).isEmpty();
            assertThat(model.changedSinceLoaded()).isFalse();
            assertThat(model.loadedRevision()).isEqualTo(5);
        }

        @Test
        void its_snapshot_is_the_snapshot_it_was_loaded_from() {
            ModelSnapshot snapshot = new ModelSnapshot(BERT, DETAILS, Status.DEPRECATED, 9,
                    new TreeSet<>(tags("b", "a")));
            assertThat(Model.fromSnapshot(snapshot).snapshot()).isEqualTo(snapshot);
        }

        @Test
        void its_tags_cannot_be_changed_from_outside() {
            Model model = stored();
            assertThatThrownBy(() -> model.tags().add(tag("x"))).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Details {

        @Test
        void changing_some_fields_records_one_event_naming_them() {
            Model model = stored();
            ModelDetails wanted = new ModelDetails("", "text-classification", "", "mit", "", "", "");

            model.changeDetails(wanted, EnumSet.of(ModelField.TASK, ModelField.LICENSE));

            ModelDetails after = new ModelDetails("An encoder.", "text-classification", "PyTorch", "mit",
                    "https://hf.co/bert", "2018-10-11", "");
            assertThat(model.details()).isEqualTo(after);
            assertThat(model.revision()).isEqualTo(6);
            assertThat(model.pullEvents()).containsExactly(
                    new ModelDetailsChanged(BERT, after, EnumSet.of(ModelField.TASK, ModelField.LICENSE), 6));
        }

        @Test
        void setting_the_same_values_records_nothing_and_keeps_the_revision() {
            Model model = stored();
            model.changeDetails(DETAILS, EnumSet.complementOf(EnumSet.of(ModelField.STATUS)));
            assertThat(model.pullEvents()).isEmpty();
            assertThat(model.revision()).isEqualTo(5);
            assertThat(model.changedSinceLoaded()).isFalse();
        }

        @Test
        void a_present_field_among_unchanged_ones_is_the_only_one_named() {
            Model model = stored();
            ModelDetails wanted = new ModelDetails("An encoder.", "fill-mask", "JAX", "apache-2.0", "", "", "");
            model.changeDetails(wanted, EnumSet.of(ModelField.DESCRIPTION, ModelField.TASK, ModelField.FRAMEWORK));
            assertThat(model.pullEvents()).singleElement().isInstanceOfSatisfying(ModelDetailsChanged.class,
                    changed -> assertThat(changed.changed()).containsExactly(ModelField.FRAMEWORK));
        }

        @Test
        void an_empty_value_in_a_present_field_clears_it() {
            Model model = stored();
            model.changeDetails(ModelDetails.NONE, EnumSet.of(ModelField.URL));
            assertThat(model.details().url()).isEmpty();
            assertThat(model.details().task()).isEqualTo("fill-mask");
            assertThat(model.revision()).isEqualTo(6);
        }

        @Test
        void update_changes_details_then_status_one_event_each() {
            Model model = stored();
            ModelPatch patch = new ModelPatch(new ModelDetails("", "ner", "", "", "", "", ""), Status.DEPRECATED,
                    EnumSet.of(ModelField.TASK, ModelField.STATUS));

            model.update(patch);

            assertThat(model.pullEvents()).extracting(Object::getClass)
                    .containsExactly(ModelDetailsChanged.class, ModelDeprecated.class);
            assertThat(model.revision()).isEqualTo(7);
            assertThat(model.status()).isEqualTo(Status.DEPRECATED);
        }

        @Test
        void update_without_the_status_column_leaves_the_status() {
            Model model = stored(Status.ARCHIVED, 3, Set.of());
            model.update(new ModelPatch(ModelDetails.NONE, Status.ACTIVE, EnumSet.noneOf(ModelField.class)));
            assertThat(model.status()).isEqualTo(Status.ARCHIVED);
            assertThat(model.pullEvents()).isEmpty();
        }

        @Test
        void update_to_active_restores() {
            Model model = stored(Status.DEPRECATED, 3, Set.of());
            model.update(new ModelPatch(ModelDetails.NONE, Status.ACTIVE, EnumSet.of(ModelField.STATUS)));
            assertThat(model.pullEvents()).containsExactly(new ModelRestored(BERT, 4));
        }

        @Test
        void keeps_the_first_spelling_of_its_name_through_changes() {
            Model model = Model.add(ModelName.of("LLaMA-2"), NOTHING, Set.of());
            model.update(ModelPatch.of(DETAILS, Status.DEPRECATED));
            model.tag(tag("chat"));
            assertThat(model.name().display()).isEqualTo("LLaMA-2");
            assertThat(model.snapshot().name()).isEqualTo(ModelName.of("LLaMA-2"));
            assertThat(model.name().sameModelAs(ModelName.of("llama-2"))).isTrue();
        }
    }

    @Nested
    class StatusTransitions {

        @Test
        void deprecating_an_active_model_records_model_deprecated() {
            Model model = stored();
            model.deprecate();
            assertThat(model.status()).isEqualTo(Status.DEPRECATED);
            assertThat(model.pullEvents()).containsExactly(new ModelDeprecated(BERT, 6));
        }

        @Test
        void archiving_a_deprecated_model_records_model_archived() {
            Model model = stored(Status.DEPRECATED, 2, Set.of());
            model.archive();
            assertThat(model.status()).isEqualTo(Status.ARCHIVED);
            assertThat(model.pullEvents()).containsExactly(new ModelArchived(BERT, 3));
        }

        @Test
        void restoring_an_archived_model_records_model_restored() {
            Model model = stored(Status.ARCHIVED, 2, Set.of());
            model.restore();
            assertThat(model.status()).isEqualTo(Status.ACTIVE);
            assertThat(model.pullEvents()).containsExactly(new ModelRestored(BERT, 3));
        }

        @Test
        void changing_to_the_current_status_records_nothing() {
            Model active = stored(Status.ACTIVE, 2, Set.of());
            active.restore();
            active.changeStatus(Status.ACTIVE);
            Model deprecated = stored(Status.DEPRECATED, 2, Set.of());
            deprecated.deprecate();
            Model archived = stored(Status.ARCHIVED, 2, Set.of());
            archived.changeStatus(Status.ARCHIVED);

            for (Model model : new Model[] {active, deprecated, archived}) {
                assertThat(model.pullEvents()).isEmpty();
                assertThat(model.revision()).isEqualTo(2);
            }
        }

        @Test
        void change_status_goes_through_each_transition() {
            Model model = stored(Status.ACTIVE, 1, Set.of());
            model.changeStatus(Status.ARCHIVED);
            model.changeStatus(Status.DEPRECATED);
            model.changeStatus(Status.ACTIVE);
            assertThat(model.pullEvents()).containsExactly(
                    new ModelArchived(BERT, 2), new ModelDeprecated(BERT, 3), new ModelRestored(BERT, 4));
        }
    }

    @Nested
    class Tags {

        @Test
        void tagging_with_a_new_tag_records_model_tagged() {
            Model model = stored();
            model.tag(tag("Fill Mask"));
            assertThat(model.tags()).containsExactlyInAnyOrder(tag("nlp"), tag("encoder"), tag("fill-mask"));
            assertThat(model.pullEvents()).containsExactly(new ModelTagged(BERT, tag("fill-mask"), 6));
        }

        @Test
        void tagging_with_a_tag_it_has_in_another_spelling_records_nothing() {
            Model model = stored();
            model.tag(tag("NLP"));
            assertThat(model.pullEvents()).isEmpty();
            assertThat(model.revision()).isEqualTo(5);
        }

        @Test
        void tag_all_adds_only_the_missing_tags_in_tag_order() {
            Model model = stored();
            model.tagAll(tags("zeta", "nlp", "alpha"));
            assertThat(model.pullEvents()).containsExactly(
                    new ModelTagged(BERT, tag("alpha"), 6), new ModelTagged(BERT, tag("zeta"), 7));
        }

        @Test
        void untagging_a_tag_it_has_records_model_untagged() {
            Model model = stored();
            model.untag(tag("nlp"));
            assertThat(model.tags()).containsExactly(tag("encoder"));
            assertThat(model.pullEvents()).containsExactly(new ModelUntagged(BERT, tag("nlp"), 6));
        }

        @Test
        void untagging_an_absent_tag_is_a_no_op() {
            Model model = stored();
            model.untag(tag("vision"));
            assertThat(model.pullEvents()).isEmpty();
            assertThat(model.revision()).isEqualTo(5);
            assertThat(model.changedSinceLoaded()).isFalse();
        }

        @Test
        void replacing_tags_removes_then_adds_each_in_tag_order() {
            Model model = stored(Status.ACTIVE, 5, tags("a", "b", "c"));
            model.replaceTags(tags("e", "b", "d"));
            assertThat(model.tags()).containsExactly(tag("b"), tag("d"), tag("e"));
            assertThat(model.pullEvents()).containsExactly(
                    new ModelUntagged(BERT, tag("a"), 6), new ModelUntagged(BERT, tag("c"), 7),
                    new ModelTagged(BERT, tag("d"), 8), new ModelTagged(BERT, tag("e"), 9));
        }

        @Test
        void replacing_tags_with_the_same_set_is_a_no_op() {
            Model model = stored();
            model.replaceTags(tags("encoder", "nlp"));
            assertThat(model.pullEvents()).isEmpty();
            assertThat(model.revision()).isEqualTo(5);
        }

        @Test
        void replacing_tags_with_none_untags_all() {
            Model model = stored();
            model.replaceTags(Set.of());
            assertThat(model.tags()).isEmpty();
            assertThat(model.revision()).isEqualTo(7);
        }

        @Test
        void tag_all_that_would_pass_256_changes_nothing() {
            Model model = stored(Status.ACTIVE, 5, numberedTags("old", 250));
            assertRejected(() -> model.tagAll(numberedTags("new", 7)), "too-many-tags", "tags");
            assertThat(model.tags()).hasSize(250);
            assertThat(model.revision()).isEqualTo(5);
            assertThat(model.pullEvents()).isEmpty();
        }

        @Test
        void tag_all_counts_the_union_so_known_tags_do_not_count_twice() {
            Model model = stored(Status.ACTIVE, 5, numberedTags("t", 250));
            Set<Tag> added = numberedTags("t", 256);
            model.tagAll(added);
            assertThat(model.tags()).hasSize(256);
            assertThat(model.revision()).isEqualTo(11);
        }

        @Test
        void a_single_tag_past_256_is_refused() {
            Model model = stored(Status.ACTIVE, 5, numberedTags("t", 256));
            assertRejected(() -> model.tag(tag("one-more")), "too-many-tags", "tags");
            assertThat(model.tags()).hasSize(256).doesNotContain(tag("one-more"));
        }

        @Test
        void replacing_with_more_than_256_tags_changes_nothing() {
            Model model = stored();
            assertRejected(() -> model.replaceTags(numberedTags("t", 257)), "too-many-tags", "tags");
            assertThat(model.tags()).containsExactlyInAnyOrder(tag("nlp"), tag("encoder"));
            assertThat(model.pullEvents()).isEmpty();
            assertThat(model.revision()).isEqualTo(5);
        }
    }

    @Nested
    class Revision {

        @Test
        void any_revision_matches() {
            Model model = stored();
            model.checkRevision(Model.ANY_REVISION);
        }

        @Test
        void the_stored_revision_matches() {
            stored().checkRevision(5);
        }

        @Test
        void another_revision_is_a_conflict() {
            Model model = stored();
            assertThat(assertRejected(() -> model.checkRevision(4), "conflict", "revision").getMessage())
                    .contains("4").contains("5");
            assertRejected(() -> model.checkRevision(6), "conflict", "revision");
            assertRejected(() -> model.checkRevision(0), "conflict", "revision");
        }

        @Test
        void every_event_raises_the_revision_by_one() {
            Model model = Model.add(BERT, NOTHING, tags("a"));
            model.changeDetails(DETAILS, EnumSet.of(ModelField.TASK));
            model.deprecate();
            model.untag(tag("a"));
            assertThat(model.pullEvents()).extracting(e -> ((io.catalogbatch.catalog.domain.events.ModelEvent) e)
                    .revision()).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(model.revision()).isEqualTo(5);
        }
    }
}

package io.catalogbatch.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedTagsTest {

    @Test
    void behaves_as_a_tree_set_of_the_same_tags() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Tag> tags = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                tags.add(Tag.of("t" + random.nextInt(10)));
            }
            TreeSet<Tag> expected = new TreeSet<>(tags);
            SortedSet<Tag> actual = SortedTags.copyOf(tags);

            assertThat(actual).containsExactlyElementsOf(expected);
            assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(expected).isEqualTo(actual);
            Tag probe = Tag.of("t" + random.nextInt(10));
            assertThat(actual.contains(probe)).isEqualTo(expected.contains(probe));
            assertThat(actual.headSet(probe)).containsExactlyElementsOf(expected.headSet(probe));
            assertThat(actual.tailSet(probe)).containsExactlyElementsOf(expected.tailSet(probe));
            if (!expected.isEmpty()) {
                assertThat(actual.first()).isEqualTo(expected.first());
                assertThat(actual.last()).isEqualTo(expected.last());
                assertThat(actual.subSet(expected.first(), probe.compareTo(expected.first()) < 0 ? expected.first() : probe))
                        .containsExactlyElementsOf(expected.subSet(expected.first(),
                                probe.compareTo(expected.first()) < 0 ? expected.first() : probe));
            }
        }
    }

    @Test
    void a_copy_of_sorted_tags_is_the_same_set_and_cannot_be_changed() {
        SortedTags tags = SortedTags.copyOf(List.of(Tag.of("b"), Tag.of("a"), Tag.of("b")));
        assertThat(SortedTags.copyOf(tags)).isSameAs(tags);
        assertThat(tags).extracting(Tag::value).containsExactly("a", "b");
        assertThatThrownBy(() -> tags.add(Tag.of("c"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tags.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_model_shares_its_loaded_tags_until_it_changes_them() {
        ModelSnapshot stored = new ModelSnapshot(ModelName.of("m"), ModelDetails.NONE, Status.ACTIVE, 2,
                new TreeSet<>(List.of(Tag.of("a"))));
        Model model = Model.fromSnapshot(stored);
        model.tag(Tag.of("a"));
        assertThat(model.snapshot().tags()).isSameAs(stored.tags());
        model.tag(Tag.of("b"));
        assertThat(model.snapshot().tags()).extracting(Tag::value).containsExactly("a", "b");
        assertThat(stored.tags()).extracting(Tag::value).containsExactly("a");
        model.untag(Tag.of("a"));
        assertThat(model.snapshot().tags()).extracting(Tag::value).containsExactly("b");
        assertThat(model.revision()).isEqualTo(4);
    }
}

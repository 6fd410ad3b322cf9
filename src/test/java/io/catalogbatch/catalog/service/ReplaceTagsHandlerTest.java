package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.TooManyTags;
import io.catalogbatch.catalog.domain.commands.ReplaceTags;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import io.catalogbatch.catalog.domain.events.ModelUntagged;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplaceTagsHandlerTest extends CatalogServiceTestSupport {

    @Test
    void makes_the_tags_exactly_the_given_ones() {
        given(add("bert", "a", "b", "c"));
        when(new ReplaceTags(name("BERT"), tags("B", "d")));
        assertThat(stored("bert").tags()).containsExactly(tag("b"), tag("d"));
        assertThat(stored("bert").revision()).isEqualTo(7);
        assertThat(published).containsExactly(
                new ModelUntagged(name("bert"), tag("a"), 5),
                new ModelUntagged(name("bert"), tag("c"), 6),
                new ModelTagged(name("bert"), tag("d"), 7));
    }

    @Test
    void the_same_tags_again_are_a_no_op() {
        given(add("bert", "a", "b"));
        assertNoOp(new ReplaceTags(name("bert"), tags("b", "A")));
    }

    @Test
    void no_tags_removes_them_all() {
        given(add("bert", "a", "b"));
        when(new ReplaceTags(name("bert"), Set.of()));
        assertThat(stored("bert").tags()).isEmpty();
    }

    @Test
    void refuses_an_unknown_model_and_commits_nothing() {
        assertRefused(new ReplaceTags(name("gpt"), tags("a")), "unknown-model", "model");
        assertThat(uow.committed()).isEmpty();
    }

    @Test
    void refuses_more_than_256_tags_before_any_handler_runs_and_keeps_the_old_ones() {
        given(add("bert", "a"));
        assertThatThrownBy(() -> new ReplaceTags(name("bert"), numberedTags("t", 257)))
                .isInstanceOf(TooManyTags.class)
                .satisfies(e -> assertThat(((TooManyTags) e).reason()).isEqualTo("too-many-tags"));
        assertThat(stored("bert").tags()).containsExactly(tag("a"));
    }
}

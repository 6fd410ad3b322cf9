package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import org.junit.jupiter.api.Test;

class TagModelHandlerTest extends CatalogServiceTestSupport {

    @Test
    void gives_a_stored_model_the_tag_in_canonical_form() {
        given(add("BERT", "nlp"));
        when(new TagModel(name("bert"), tag("Fill Mask")));
        assertThat(stored("bert").tags()).containsExactly(tag("fill-mask"), tag("nlp"));
        assertThat(stored("bert").revision()).isEqualTo(3);
        assertThat(published).containsExactly(new ModelTagged(name("BERT"), tag("fill-mask"), 3));
    }

    @Test
    void a_tag_it_already_has_is_a_no_op() {
        given(add("bert", "nlp"));
        assertNoOp(new TagModel(name("BERT"), tag("NLP")));
        assertThat(stored("bert").revision()).isEqualTo(2);
    }

    @Test
    void refuses_an_unknown_model_and_commits_nothing() {
        given(add("bert"));
        assertRefused(new TagModel(name("gpt"), tag("nlp")), "unknown-model", "model");
        assertThat(uow.committed()).containsOnlyKeys("bert");
    }

    @Test
    void refuses_a_257th_tag() {
        given(new AddModel(name("bert"), ModelPatches.nothing(), numberedTags("t", 256)));
        assertRefused(new TagModel(name("bert"), tag("one-more")), "too-many-tags", "tags");
        assertThat(stored("bert").tags()).hasSize(256);
    }
}

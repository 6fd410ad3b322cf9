package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.commands.UntagModel;
import io.catalogbatch.catalog.domain.events.ModelUntagged;
import org.junit.jupiter.api.Test;

class UntagModelHandlerTest extends CatalogServiceTestSupport {

    @Test
    void takes_the_tag_from_a_stored_model() {
        given(add("BERT", "nlp", "encoder"));
        when(new UntagModel(name("bert"), tag("NLP")));
        assertThat(stored("bert").tags()).containsExactly(tag("encoder"));
        assertThat(stored("bert").revision()).isEqualTo(4);
        assertThat(published).containsExactly(new ModelUntagged(name("BERT"), tag("nlp"), 4));
    }

    @Test
    void removing_an_absent_tag_is_an_accepted_no_op() {
        given(add("bert", "nlp"));
        assertNoOp(new UntagModel(name("bert"), tag("vision")));
        assertThat(stored("bert").revision()).isEqualTo(2);
    }

    @Test
    void removing_the_same_tag_twice_changes_it_once() {
        given(add("bert", "nlp"), new UntagModel(name("bert"), tag("nlp")));
        assertNoOp(new UntagModel(name("bert"), tag("nlp")));
        assertThat(stored("bert").tags()).isEmpty();
        assertThat(stored("bert").revision()).isEqualTo(3);
    }

    @Test
    void refuses_an_unknown_model_and_commits_nothing() {
        assertRefused(new UntagModel(name("gpt"), tag("nlp")), "unknown-model", "model");
        assertThat(uow.committed()).isEmpty();
    }
}

package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.commands.DeprecateModel;
import io.catalogbatch.catalog.domain.events.ModelDeprecated;
import org.junit.jupiter.api.Test;

class DeprecateModelHandlerTest extends CatalogServiceTestSupport {

    @Test
    void deprecates_an_active_model() {
        given(add("BERT"));
        when(new DeprecateModel(name("bert")));
        assertThat(stored("bert").status()).isEqualTo(Status.DEPRECATED);
        assertThat(stored("bert").revision()).isEqualTo(2);
        assertThat(published).containsExactly(new ModelDeprecated(name("BERT"), 2));
    }

    @Test
    void deprecating_again_is_a_no_op() {
        given(add("bert"), new DeprecateModel(name("bert")));
        assertNoOp(new DeprecateModel(name("BERT")));
    }

    @Test
    void refuses_an_unknown_model() {
        assertRefused(new DeprecateModel(name("gpt")), "unknown-model", "name");
    }
}

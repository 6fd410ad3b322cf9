package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.commands.ArchiveModel;
import io.catalogbatch.catalog.domain.commands.DeprecateModel;
import io.catalogbatch.catalog.domain.commands.RestoreModel;
import io.catalogbatch.catalog.domain.events.ModelRestored;
import org.junit.jupiter.api.Test;

class RestoreModelHandlerTest extends CatalogServiceTestSupport {

    @Test
    void restores_an_archived_model_to_active() {
        given(add("bert"), new ArchiveModel(name("bert")));
        when(new RestoreModel(name("Bert")));
        assertThat(stored("bert").status()).isEqualTo(Status.ACTIVE);
        assertThat(published).containsExactly(new ModelRestored(name("bert"), 3));
    }

    @Test
    void restores_a_deprecated_model_to_active() {
        given(add("bert"), new DeprecateModel(name("bert")));
        when(new RestoreModel(name("bert")));
        assertThat(published).containsExactly(new ModelRestored(name("bert"), 3));
    }

    @Test
    void restoring_an_active_model_is_a_no_op() {
        given(add("bert"));
        assertNoOp(new RestoreModel(name("bert")));
        assertThat(stored("bert").revision()).isEqualTo(1);
    }

    @Test
    void refuses_an_unknown_model() {
        assertRefused(new RestoreModel(name("gpt")), "unknown-model", "name");
    }
}

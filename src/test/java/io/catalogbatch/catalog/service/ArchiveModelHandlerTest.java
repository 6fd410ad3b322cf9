package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.commands.ArchiveModel;
import io.catalogbatch.catalog.domain.commands.DeprecateModel;
import io.catalogbatch.catalog.domain.events.ModelArchived;
import org.junit.jupiter.api.Test;

class ArchiveModelHandlerTest extends CatalogServiceTestSupport {

    @Test
    void archives_a_deprecated_model() {
        given(add("bert"), new DeprecateModel(name("bert")));
        when(new ArchiveModel(name("bert")));
        assertThat(stored("bert").status()).isEqualTo(Status.ARCHIVED);
        assertThat(published).containsExactly(new ModelArchived(name("bert"), 3));
    }

    @Test
    void archives_an_active_model() {
        given(add("bert"));
        when(new ArchiveModel(name("bert")));
        assertThat(published).containsExactly(new ModelArchived(name("bert"), 2));
    }

    @Test
    void archiving_again_is_a_no_op() {
        given(add("bert"), new ArchiveModel(name("bert")));
        assertNoOp(new ArchiveModel(name("bert")));
    }

    @Test
    void refuses_an_unknown_model() {
        given(add("bert"));
        assertRefused(new ArchiveModel(name("gpt")), "unknown-model", "name");
    }
}

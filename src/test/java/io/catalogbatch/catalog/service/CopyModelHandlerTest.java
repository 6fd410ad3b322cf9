package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.commands.CopyModel;
import io.catalogbatch.catalog.domain.commands.TagModel;
import org.junit.jupiter.api.Test;

class CopyModelHandlerTest extends CatalogServiceTestSupport {

    @Test
    void stores_a_model_exactly_as_it_came_revision_included_and_publishes_nothing() {
        given(add("BERT", "nlp", "qa"));
        ModelSnapshot elsewhere = stored("bert");
        FakeCatalogUnitOfWork target = new FakeCatalogUnitOfWork();

        CatalogBootstrap.bus(target).handle(new CopyModel(elsewhere));

        assertThat(target.committed("bert")).isEqualTo(elsewhere);
        assertThat(target.committed("bert").revision()).isEqualTo(3);
        assertThat(target.collectNewEvents()).isEmpty();
    }

    @Test
    void copying_a_model_held_as_it_is_again_is_a_no_op() {
        given(add("bert", "nlp"));

        assertNoOp(new CopyModel(stored("bert")));
    }

    @Test
    void refuses_to_copy_over_a_model_the_target_holds_differently() {
        given(add("bert", "nlp"));
        ModelSnapshot older = stored("bert");
        when(new TagModel(name("bert"), tag("qa")));

        assertThatThrownBy(() -> bus.handle(new CopyModel(older))).isInstanceOf(ConcurrentModelUpdate.class);
        assertThat(stored("bert").tags()).containsExactly(tag("nlp"), tag("qa"));
    }
}

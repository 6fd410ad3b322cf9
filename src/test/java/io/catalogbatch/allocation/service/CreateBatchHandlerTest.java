package io.catalogbatch.allocation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.allocation.domain.Batch;
import io.catalogbatch.allocation.domain.Eta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateBatchHandlerTest extends AllocationServiceTestSupport {

    @Test
    void creates_the_product_with_its_first_batch() {
        when(batch("b1", "CRUNCHY-ARMCHAIR", 100, Eta.NONE));

        assertThat(uow.product("CRUNCHY-ARMCHAIR").batches()).extracting(Batch::ref).containsExactly("b1");
        assertThat(uow.product("CRUNCHY-ARMCHAIR").batch("b1").orElseThrow().availableQuantity()).isEqualTo(100);
        assertThat(uow.commits()).isEqualTo(1);
        assertThat(published).as("the book records no event for a new batch").isEmpty();
    }

    @Test
    void adds_a_batch_to_an_existing_product() {
        given(batch("garish-rug", "GARISH-RUG", 100, Eta.NONE));
        when(batch("garish-rug-2", "GARISH-RUG", 99, TODAY));

        assertThat(uow.product("GARISH-RUG").batches()).extracting(Batch::ref)
                .containsExactly("garish-rug", "garish-rug-2");
        assertThat(uow.batchSkus()).isEqualTo(Map.of("garish-rug", "GARISH-RUG", "garish-rug-2", "GARISH-RUG"));
    }

    @Test
    void an_empty_batch_is_a_batch() {
        when(batch("empty", "S", 0, TODAY));
        assertThat(uow.product("S").batch("empty")).isPresent();
    }

    @Test
    void a_ref_already_used_is_a_duplicate_whatever_the_sku() {
        given(batch("b1", "S1", 10, Eta.NONE));
        assertRefused(batch("b1", "S1", 5, TODAY), "duplicate", "ref");
        assertRefused(batch("b1", "S2", 5, TODAY), "duplicate", "ref");
        assertThat(uow.hasProduct("S2")).isFalse();
    }

    @Test
    void refs_and_skus_are_case_sensitive() {
        given(batch("b1", "s1", 10, Eta.NONE));
        when(batch("B1", "S1", 5, Eta.NONE));
        assertThat(uow.batchSkus()).isEqualTo(Map.of("b1", "s1", "B1", "S1"));
    }
}

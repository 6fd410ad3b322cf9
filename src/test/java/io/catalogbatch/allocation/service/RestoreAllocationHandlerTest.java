package io.catalogbatch.allocation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.allocation.domain.Eta;
import org.junit.jupiter.api.Test;

class RestoreAllocationHandlerTest extends AllocationServiceTestSupport {

    @Test
    void restores_on_the_named_batch_without_deciding_again_or_publishing() {
        given(batch("warehouse", "S", 10, Eta.NONE), batch("shipment", "S", 10, TODAY));

        when(restore("old", "S", 10, "shipment"));

        assertThat(uow.allocations()).containsExactly("old,S,10,shipment");
        assertThat(published).isEmpty();
        when(allocate("new", "S", 7));
        assertThat(uow.allocations()).containsExactly("new,S,7,warehouse", "old,S,10,shipment");
    }

    @Test
    void keeps_an_overbooked_batch_as_it_is() {
        given(batch("b1", "S", 5, Eta.NONE));
        when(restore("old", "S", 8, "b1"));
        assertThat(uow.product("S").batch("b1").orElseThrow().availableQuantity()).isEqualTo(-3);
    }

    @Test
    void a_batchref_that_names_no_batch_is_an_unknown_batch() {
        given(batch("b1", "S", 5, Eta.NONE));
        assertRefused(restore("old", "S", 1, "b2"), "unknown-batch", "batchref");
        assertRefused(restore("old", "S", 1, "B1"), "unknown-batch", "batchref");
        assertRefused(restore("old", "NOSUCH", 1, "b9"), "unknown-batch", "batchref");
    }

    @Test
    void a_batch_of_another_sku_is_an_unknown_batch() {
        given(batch("b1", "S", 5, Eta.NONE), batch("t1", "T", 5, Eta.NONE));
        assertRefused(restore("old", "T", 1, "b1"), "unknown-batch", "batchref");
    }

    @Test
    void the_same_line_twice_is_a_duplicate() {
        given(batch("b1", "S", 5, Eta.NONE), batch("b2", "S", 5, Eta.NONE), restore("old", "S", 1, "b1"));
        assertRefused(restore("old", "S", 1, "b2"), "duplicate", "orderid");
        assertRefused(allocate("old", "S", 1), "duplicate", "orderid");
    }
}

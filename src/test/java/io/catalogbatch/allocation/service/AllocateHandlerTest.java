package io.catalogbatch.allocation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.allocation.domain.Eta;
import io.catalogbatch.allocation.domain.events.Allocated;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import org.junit.jupiter.api.Test;

class AllocateHandlerTest extends AllocationServiceTestSupport {

    @Test
    void allocates_and_publishes_allocated() {
        given(batch("batch1", "COMPLICATED-LAMP", 100, Eta.NONE));
        when(allocate("o1", "COMPLICATED-LAMP", 10));

        assertThat(uow.allocations()).containsExactly("o1,COMPLICATED-LAMP,10,batch1");
        assertThat(uow.product("COMPLICATED-LAMP").batch("batch1").orElseThrow().availableQuantity()).isEqualTo(90);
        assertThat(published).containsExactly(new Allocated("o1", "COMPLICATED-LAMP", 10, "batch1"));
    }

    @Test
    void prefers_the_warehouse_then_the_earliest_shipment() {
        given(batch("later", "LAMP", 100, TOMORROW), batch("sooner", "LAMP", 100, TODAY),
                batch("warehouse", "LAMP", 5, Eta.NONE));

        when(allocate("o1", "LAMP", 5));
        when(allocate("o2", "LAMP", 5));

        assertThat(uow.allocations()).containsExactly("o1,LAMP,5,warehouse", "o2,LAMP,5,sooner");
    }

    @Test
    void commits_once_per_command() {
        given(batch("b1", "LAMP", 100, Eta.NONE));
        int before = uow.commits();
        when(allocate("o1", "LAMP", 1));
        assertThat(uow.commits()).isEqualTo(before + 1);
    }

    @Test
    void an_unknown_sku_is_refused_and_nothing_is_committed() {
        given(batch("b1", "AREALSKU", 100, Eta.NONE));
        assertRefused(allocate("o1", "NONEXISTENTSKU", 10), "unknown-sku", "sku");
        assertRefused(allocate("o1", "arealsku", 10), "unknown-sku", "sku");
    }

    @Test
    void a_line_that_fits_nowhere_publishes_out_of_stock_and_allocates_nothing() {
        given(batch("b1", "POPULAR-CURTAINS", 9, Eta.NONE), batch("b2", "POPULAR-CURTAINS", 9, TODAY));

        when(allocate("o1", "POPULAR-CURTAINS", 10));

        assertThat(published).containsExactly(new OutOfStock("POPULAR-CURTAINS"));
        assertThat(uow.allocations()).isEmpty();
        when(allocate("o2", "POPULAR-CURTAINS", 9));
        assertThat(uow.allocations()).containsExactly("o2,POPULAR-CURTAINS,9,b1");
    }

    @Test
    void an_identical_line_is_refused_as_a_duplicate() {
        given(batch("b1", "RUG", 10, Eta.NONE), allocate("o1", "RUG", 2));
        assertRefused(allocate("o1", "RUG", 2), "duplicate", "orderid");
        assertThat(uow.allocations()).containsExactly("o1,RUG,2,b1");
    }
}

package io.catalogbatch.allocation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.allocation.domain.Eta;
import io.catalogbatch.allocation.domain.OrderLine;
import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.domain.events.Allocated;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import io.catalogbatch.shared.domain.Event;
import io.catalogbatch.shared.service.Handler;
import io.catalogbatch.shared.service.MessageBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allocation bus as bootstrapped, and the unit of work's commit and rollback over live products. */
class AllocationBusTest extends AllocationServiceTestSupport {

    @Test
    void every_handler_gets_every_event_in_registration_order() {
        List<String> calls = new ArrayList<>();
        Handler<AllocationEvent> first = event -> calls.add("first:" + event.getClass().getSimpleName());
        Handler<Event> second = event -> calls.add("second:" + event.getClass().getSimpleName());
        MessageBus twoHandlers = AllocationBootstrap.bus(uow, first, second);
        twoHandlers.handle(batch("b1", "S", 1, Eta.NONE));

        twoHandlers.handle(allocate("o1", "S", 1));
        twoHandlers.handle(allocate("o2", "S", 1));

        assertThat(calls).containsExactly("first:Allocated", "second:Allocated", "first:OutOfStock",
                "second:OutOfStock");
    }

    @Test
    void a_failing_event_handler_is_counted_and_does_not_fail_the_command() {
        Handler<AllocationEvent> failing = event -> {
            throw new IllegalStateException("down");
        };
        MessageBus withFailure = AllocationBootstrap.bus(uow, List.of(failing, published::add));
        withFailure.handle(batch("b1", "S", 10, Eta.NONE));

        withFailure.handle(allocate("o1", "S", 3));

        assertThat(uow.allocations()).containsExactly("o1,S,3,b1");
        assertThat(published).containsExactly(new Allocated("o1", "S", 3, "b1"));
        assertThat(withFailure.failedEventHandlings()).isEqualTo(1);
    }

    @Test
    void the_bus_works_without_event_handlers() {
        MessageBus plain = AllocationBootstrap.bus(uow);
        plain.handle(batch("b1", "S", 10, Eta.NONE));
        plain.handle(allocate("o1", "S", 30));
        assertThat(plain.failedEventHandlings()).isZero();
        assertThat(uow.allocations()).isEmpty();
    }

    @Test
    void closing_without_commit_undoes_the_changes_of_live_products_and_drops_their_events() {
        given(batch("b1", "S", 10, Eta.NONE));
        try (uow) {
            Product product = uow.products().require("S");
            product.allocate(new OrderLine("o1", "S", 4));
            product.addBatch("b2", 5, TODAY);
            Product other = new Product("T");
            other.addBatch("t1", 1, Eta.NONE);
            uow.products().add(other);
        }

        assertThat(uow.product("S").batch("b1").orElseThrow().availableQuantity()).isEqualTo(10);
        assertThat(uow.product("S").batch("b2")).isEmpty();
        assertThat(uow.hasProduct("T")).isFalse();
        assertThat(uow.allocations()).isEmpty();
        assertThat(uow.collectNewEvents()).isEmpty();
        when(allocate("o1", "S", 4));
        assertThat(published).containsExactly(new Allocated("o1", "S", 4, "b1"));
    }

    @Test
    void a_product_is_the_same_object_within_a_unit_of_work_and_found_by_batchref() {
        given(batch("b1", "S", 10, Eta.NONE));
        try (uow) {
            assertThat(uow.products().get("S")).containsSame(uow.products().require("S"));
            assertThat(uow.products().getByBatchref("b1")).containsSame(uow.products().require("S"));
            assertThat(uow.products().getByBatchref("nope")).isEmpty();
        }
    }

    @Test
    void out_of_stock_is_published_after_its_commit_like_any_event() {
        given(batch("b1", "S", 1, Eta.NONE));
        when(allocate("o1", "S", 2));
        assertThat(published).containsExactly(new OutOfStock("S"));
        assertThat(uow.collectNewEvents()).as("all events were handed to the bus").isEmpty();
    }
}

package io.catalogbatch.allocation.service;

import static io.catalogbatch.allocation.domain.AllocationAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.allocation.domain.Eta;
import io.catalogbatch.allocation.domain.InsufficientStock;
import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.allocation.domain.events.Allocated;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.Handler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Out of stock is an event for the domain and the subscribers, and a rejected row for the entrypoint. */
class AllocationRowHandlingTest {

    private final FakeAllocationUnitOfWork uow = new FakeAllocationUnitOfWork();
    private final List<AllocationEvent> published = new ArrayList<>();
    private final AllocationRowHandling handling = AllocationBootstrap.rowHandling(uow, List.of(published::add));

    @Test
    void a_line_that_fits_nowhere_is_published_then_refused_out_of_stock() {
        handling.accept(new CreateBatch("b1", "S", 5, Eta.NONE));

        DomainException refusal = assertRejected(() -> handling.accept(new Allocate("o1", "S", 6)),
                "out-of-stock", "qty");

        assertThat(refusal).isInstanceOf(InsufficientStock.class).hasMessageContaining("\"S\"").hasMessageContaining("o1");
        assertThat(published).containsExactly(new OutOfStock("S"));
        assertThat(uow.allocations()).isEmpty();
    }

    @Test
    void the_run_goes_on_after_an_out_of_stock_line() {
        handling.accept(new CreateBatch("b1", "S", 5, Eta.NONE));
        assertRejected(() -> handling.accept(new Allocate("o1", "S", 6)),
                "out-of-stock", "qty");

        handling.accept(new Allocate("o2", "S", 5));

        assertThat(published).containsExactly(new OutOfStock("S"), new Allocated("o2", "S", 5, "b1"));
        assertThat(uow.allocations()).containsExactly("o2,S,5,b1");
    }

    @Test
    void other_broken_rules_propagate_as_the_bus_throws_them() {
        assertRejected(() -> handling.accept(new Allocate("o1", "S", 1)),
                "unknown-sku", "sku");
        assertThat(published).isEmpty();
    }

    @Test
    void a_failing_subscriber_neither_hides_the_out_of_stock_nor_fails_an_allocation() {
        Handler<AllocationEvent> failing = event -> {
            throw new IllegalStateException("mail server down");
        };
        AllocationRowHandling withFailure = AllocationBootstrap.rowHandling(uow, List.of(failing));
        withFailure.accept(new CreateBatch("b1", "S", 5, Eta.NONE));

        withFailure.accept(new Allocate("o1", "S", 5));
        assertRejected(() -> withFailure.accept(new Allocate("o2", "S", 5)),
                "out-of-stock", "qty");

        assertThat(withFailure.bus().failedEventHandlings()).isEqualTo(2);
        assertThat(uow.allocations()).containsExactly("o1,S,5,b1");
    }
}

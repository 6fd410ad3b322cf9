package io.catalogbatch.allocation.service;

import static io.catalogbatch.allocation.domain.AllocationAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.allocation.domain.Eta;
import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.commands.AllocationCommand;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.allocation.domain.commands.RestoreAllocation;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.MessageBus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real bus over the fake store, with the events it publishes recorded in order. */
abstract class AllocationServiceTestSupport {

    protected static final Eta TODAY = Eta.on(LocalDate.of(2011, 1, 1));
    protected static final Eta TOMORROW = Eta.on(LocalDate.of(2011, 1, 2));

    protected final FakeAllocationUnitOfWork uow = new FakeAllocationUnitOfWork();
    protected final List<AllocationEvent> published = new ArrayList<>();
    protected final MessageBus bus = AllocationBootstrap.bus(uow, published::add);

    /** Handles these commands as the state before the test; forgets the events they published. */
    protected void given(AllocationCommand... commands) {
        for (AllocationCommand command : commands) {
            bus.handle(command);
        }
        published.clear();
    }

    protected void when(AllocationCommand command) {
        bus.handle(command);
    }

    /** The command is refused with this reason and field; nothing is committed or published. */
    protected DomainException assertRefused(AllocationCommand command, String reason, String field) {
        List<String> allocations = uow.allocations();
        Map<String, String> batches = uow.batchSkus();
        int commits = uow.commits();
        DomainException refusal = assertRejected(() -> bus.handle(command), reason, field);
        assertThat(uow.allocations()).as("allocations after a refused command").isEqualTo(allocations);
        assertThat(uow.batchSkus()).as("batches after a refused command").isEqualTo(batches);
        assertThat(uow.commits()).as("commits after a refused command").isEqualTo(commits);
        assertThat(published).as("events of a refused command").isEmpty();
        return refusal;
    }

    protected static CreateBatch batch(String ref, String sku, int qty, Eta eta) {
        return new CreateBatch(ref, sku, qty, eta);
    }

    protected static Allocate allocate(String orderid, String sku, int qty) {
        return new Allocate(orderid, sku, qty);
    }

    protected static RestoreAllocation restore(String orderid, String sku, int qty, String batchref) {
        return new RestoreAllocation(orderid, sku, qty, batchref);
    }
}

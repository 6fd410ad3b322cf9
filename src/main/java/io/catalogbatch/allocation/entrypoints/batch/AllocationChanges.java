package io.catalogbatch.allocation.entrypoints.batch;

import io.catalogbatch.allocation.domain.events.Allocated;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.service.Handler;
import java.util.List;

/** Records each allocation and each out-of-stock of a run as a line of {@code changes.csv}. */
public final class AllocationChanges implements Handler<AllocationEvent> {

    public static final List<String> COLUMNS = List.of("event", "orderid", "sku", "qty", "batchref");

    private final ChangesFile changes;

    public AllocationChanges(ChangesFile changes) {
        this.changes = changes;
    }

    @Override
    public void handle(AllocationEvent event) {
        if (event instanceof Allocated allocated) {
            changes.record(List.of("Allocated", allocated.orderid(), allocated.sku(), Integer.toString(allocated.qty()),
                    allocated.batchref()));
        } else if (event instanceof OutOfStock outOfStock) {
            changes.record(List.of("OutOfStock", "", outOfStock.sku(), "", ""));
        }
    }
}

package io.catalogbatch.allocation.domain.events;

import java.util.Objects;

/** An order line was allocated to a batch (a new decision: restoring an earlier allocation records nothing). */
public record Allocated(String orderid, String sku, int qty, String batchref) implements AllocationEvent {

    public Allocated {
        Objects.requireNonNull(orderid, "orderid");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(batchref, "batchref");
    }
}

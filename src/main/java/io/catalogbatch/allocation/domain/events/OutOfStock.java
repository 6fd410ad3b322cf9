package io.catalogbatch.allocation.domain.events;

import java.util.Objects;

/** A line of this sku fitted in no batch: nothing was allocated (the book's event, carrying only the sku). */
public record OutOfStock(String sku) implements AllocationEvent {

    public OutOfStock {
        Objects.requireNonNull(sku, "sku");
    }
}

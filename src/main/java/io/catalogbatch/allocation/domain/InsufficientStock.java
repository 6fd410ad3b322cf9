package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.DomainException;

/**
 * No batch of the sku has the whole quantity of a line available (lines are never split). In the domain
 * this is the {@link io.catalogbatch.allocation.domain.events.OutOfStock} event, as in the book; this
 * exception is how the row of such a line is reported {@code out-of-stock} once that event was published
 * (see the service layer's {@code AllocationRowHandling}).
 */
public final class InsufficientStock extends DomainException {

    public static final String REASON = "out-of-stock";

    private InsufficientStock(String message) {
        super(REASON, "qty", message);
    }

    public static InsufficientStock forLine(OrderLine line) {
        return new InsufficientStock(String.format(
                "no batch of sku \"%s\" has %d available for order \"%s\"; a line is never split: add stock or "
                        + "lower the quantity, then run again", line.sku(), line.qty(), line.orderid()));
    }
}

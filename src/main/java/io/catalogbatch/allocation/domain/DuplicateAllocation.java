package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.DomainException;

/** An order line identical to one already allocated (same order id, sku and quantity): never allocated twice. */
public final class DuplicateAllocation extends DomainException {

    public static final String REASON = "duplicate";

    private DuplicateAllocation(String message) {
        super(REASON, "orderid", message);
    }

    public static DuplicateAllocation of(OrderLine line, String batchref) {
        return new DuplicateAllocation(String.format(
                "order \"%s\" already has %d of sku \"%s\" allocated (batch \"%s\"); an identical line is never "
                        + "allocated twice: delete the repeated row", line.orderid(), line.qty(), line.sku(), batchref));
    }
}

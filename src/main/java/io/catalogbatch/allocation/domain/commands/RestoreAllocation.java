package io.catalogbatch.allocation.domain.commands;

import io.catalogbatch.allocation.domain.Identifiers;
import io.catalogbatch.allocation.domain.OrderLine;
import io.catalogbatch.allocation.domain.Quantities;

/**
 * Restores an allocation an earlier run decided (a row of {@code allocations.csv}) as it is: the line goes
 * to the named batch without choosing again and without checking the batch's available quantity.
 */
public record RestoreAllocation(String orderid, String sku, int qty, String batchref) implements AllocationCommand {

    public RestoreAllocation {
        OrderLine line = new OrderLine(orderid, sku, qty);
        orderid = line.orderid();
        sku = line.sku();
        batchref = Identifiers.required(batchref, "batchref");
    }

    /** The command of an {@code allocations.csv} row, its cells checked in column order. */
    public static RestoreAllocation fromCells(String orderid, String sku, String qty, String batchref) {
        String checkedOrderid = Identifiers.required(orderid, "orderid");
        String checkedSku = Identifiers.required(sku, "sku");
        int checkedQty = Quantities.parse(qty, "qty", Quantities.LINE_MIN);
        return new RestoreAllocation(checkedOrderid, checkedSku, checkedQty, Identifiers.required(batchref, "batchref"));
    }

    public OrderLine line() {
        return new OrderLine(orderid, sku, qty);
    }
}

package io.catalogbatch.allocation.domain.commands;

import io.catalogbatch.allocation.domain.Identifiers;
import io.catalogbatch.allocation.domain.OrderLine;
import io.catalogbatch.allocation.domain.Quantities;

/** Allocates an order line to the preferred batch of its sku that has the whole quantity available. */
public record Allocate(String orderid, String sku, int qty) implements AllocationCommand {

    public Allocate {
        OrderLine line = new OrderLine(orderid, sku, qty);
        orderid = line.orderid();
        sku = line.sku();
    }

    /** The command of an {@code orders.csv} row, its cells checked in column order. */
    public static Allocate fromCells(String orderid, String sku, String qty) {
        String checkedOrderid = Identifiers.required(orderid, "orderid");
        String checkedSku = Identifiers.required(sku, "sku");
        return new Allocate(checkedOrderid, checkedSku, Quantities.parse(qty, "qty", Quantities.LINE_MIN));
    }

    public OrderLine line() {
        return new OrderLine(orderid, sku, qty);
    }
}

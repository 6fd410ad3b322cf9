package io.catalogbatch.allocation.domain;

/**
 * A line of a customer's order (value object): two lines with the same order id, sku and quantity are the
 * same line, which is never allocated twice. Identifiers are trimmed; the quantity is at least 1.
 */
public record OrderLine(String orderid, String sku, int qty) {

    public OrderLine {
        orderid = Identifiers.required(orderid, "orderid");
        sku = Identifiers.required(sku, "sku");
        Quantities.check(qty, "qty", Quantities.LINE_MIN);
    }
}

package io.catalogbatch.allocation.adapters.csv;

import java.util.List;

/** One row of {@code allocations.csv}. */
public record AllocationRow(String orderid, String sku, int qty, String batchref) {

    public List<String> cells() {
        return List.of(orderid, sku, Integer.toString(qty), batchref);
    }
}

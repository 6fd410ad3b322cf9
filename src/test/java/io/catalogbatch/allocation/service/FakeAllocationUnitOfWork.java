package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.Batch;
import io.catalogbatch.allocation.domain.OrderLine;
import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.domain.ProductChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory allocation store holding live products, as the CSV store does: committed state is what the
 * products hold after their changes were accepted; a rollback makes them reject (undo) theirs.
 */
public final class FakeAllocationUnitOfWork extends AbstractAllocationUnitOfWork {

    private final Map<String, Product> committed;
    private final Map<String, String> skuByBatchref;
    private int commits;

    public FakeAllocationUnitOfWork() {
        this(new HashMap<>(), new HashMap<>());
    }

    private FakeAllocationUnitOfWork(Map<String, Product> committed, Map<String, String> skuByBatchref) {
        super(new FakeProducts(committed, skuByBatchref));
        this.committed = committed;
        this.skuByBatchref = skuByBatchref;
    }

    /** How many times {@link #commit()} was called. */
    public int commits() {
        return commits;
    }

    /** The committed product of this sku; fails the test when absent. */
    public Product product(String sku) {
        Product product = committed.get(sku);
        if (product == null) {
            throw new AssertionError("no committed product " + sku + "; committed: " + committed.keySet());
        }
        return product;
    }

    public boolean hasProduct(String sku) {
        return committed.containsKey(sku);
    }

    /** Every committed allocation as {@code orderid,sku,qty,batchref}, sorted. */
    public List<String> allocations() {
        List<String> rows = new ArrayList<>();
        for (Product product : committed.values()) {
            for (Batch batch : product.batches()) {
                for (OrderLine line : batch.allocations()) {
                    rows.add(String.join(",", line.orderid(), line.sku(), Integer.toString(line.qty()), batch.ref()));
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The committed batch refs and the sku of each. */
    public Map<String, String> batchSkus() {
        return Map.copyOf(skuByBatchref);
    }

    @Override
    protected void persist() {
        commits++;
        super.persist();
    }

    @Override
    protected void store(Product product, List<ProductChange> changes) {
        committed.putIfAbsent(product.sku(), product);
        for (ProductChange change : changes) {
            if (change instanceof ProductChange.BatchAdded added) {
                skuByBatchref.put(added.ref(), product.sku());
            }
        }
    }

    private static final class FakeProducts extends Products {

        private final Map<String, Product> committed;
        private final Map<String, String> skuByBatchref;

        FakeProducts(Map<String, Product> committed, Map<String, String> skuByBatchref) {
            this.committed = committed;
            this.skuByBatchref = skuByBatchref;
        }

        @Override
        protected Optional<Product> load(String sku) {
            return Optional.ofNullable(committed.get(sku));
        }

        @Override
        protected Optional<String> skuOfBatch(String ref) {
            return Optional.ofNullable(skuByBatchref.get(ref));
        }
    }
}

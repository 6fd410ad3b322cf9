package io.catalogbatch.allocation.domain;

import io.catalogbatch.allocation.domain.events.Allocated;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import io.catalogbatch.shared.domain.AggregateRoot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregate root of the allocation context (the book's {@code Product}): the batches of one sku and
 * the lines allocated to them. A line goes whole to the first batch, in preference order (no eta first,
 * then the earliest eta, ties in the order the batches were added), that has its quantity available;
 * when none has, the product records {@link OutOfStock} and allocates nothing. An order line identical
 * to one already allocated is refused ({@link DuplicateAllocation}).
 *
 * <p>Finding the batch costs O(log batches) ({@link BatchPreference}), so a store may keep its products
 * in memory for a whole run. Such a store hands out the live aggregate, so the product keeps what changed
 * since the last {@link #acceptChanges()} and can undo it ({@link #rejectChanges()}): that is how a unit of
 * work commits or rolls back without copying the product.
 */
public final class Product extends AggregateRoot {

    private final String sku;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final BatchPreference preference = new BatchPreference();
    private final Map<OrderLine, Batch> allocationOf = new HashMap<>();
    private final List<ProductChange> uncommitted = new ArrayList<>();

    /** A product without batches yet. */
    public Product(String sku) {
        this.sku = Identifiers.required(sku, "sku");
    }

    public String sku() {
        return sku;
    }

    /** Adds a batch of this sku; a ref the product already has is {@link DuplicateBatch}. Records no event. */
    public Batch addBatch(String ref, int qty, Eta eta) {
        String key = Identifiers.required(ref, "ref");
        if (batches.containsKey(key)) {
            throw DuplicateBatch.of(key, sku);
        }
        Batch batch = new Batch(key, sku, qty, eta);
        batches.put(key, batch);
        preference.add(batch);
        uncommitted.add(new ProductChange.BatchAdded(key));
        return batch;
    }

    /**
     * Allocates the whole line to the preferred batch that has its quantity available and records
     * {@link Allocated}; returns the batch's ref. When no batch has, records {@link OutOfStock}, changes
     * nothing and returns empty.
     *
     * @throws DuplicateAllocation when an identical line is already allocated
     */
    public Optional<String> allocate(OrderLine line) {
        requireThisSku(line);
        rejectDuplicate(line);
        Optional<Batch> chosen = preference.firstWithAvailable(line.qty());
        if (chosen.isEmpty()) {
            record(new OutOfStock(sku));
            return Optional.empty();
        }
        Batch batch = chosen.get();
        assign(line, batch);
        record(new Allocated(line.orderid(), line.sku(), line.qty(), batch.ref()));
        return Optional.of(batch.ref());
    }

    /**
     * Puts back an allocation decided earlier, as it is: no batch is chosen, the available quantity is not
     * checked (it may go below zero if the batch was overbooked), and no event is recorded.
     *
     * @throws UnknownBatch when the product has no such batch (also when the line is of another sku)
     * @throws DuplicateAllocation when an identical line is already allocated
     */
    public void restoreAllocation(OrderLine line, String batchref) {
        String ref = Identifiers.required(batchref, "batchref");
        Batch batch = batches.get(ref);
        if (batch == null) {
            throw UnknownBatch.named(ref);
        }
        if (!line.sku().equals(sku)) {
            throw UnknownBatch.ofOtherSku(ref, sku, line.sku());
        }
        rejectDuplicate(line);
        assign(line, batch);
    }

    public Optional<Batch> batch(String ref) {
        return Optional.ofNullable(batches.get(ref));
    }

    /** The batches in the order they were added. */
    public Collection<Batch> batches() {
        return Collections.unmodifiableCollection(batches.values());
    }

    /** The batches in the order a line would try them. */
    public List<Batch> batchesInPreferenceOrder() {
        return preference.inOrder();
    }

    /** The ref of the batch this line is allocated to, if it is. */
    public Optional<String> allocationOf(OrderLine line) {
        return Optional.ofNullable(allocationOf.get(line)).map(Batch::ref);
    }

    public boolean hasChanges() {
        return !uncommitted.isEmpty();
    }

    /** Hands out the changes made since the last call (for a store to write) and keeps them. */
    public List<ProductChange> acceptChanges() {
        List<ProductChange> accepted = List.copyOf(uncommitted);
        uncommitted.clear();
        return accepted;
    }

    /** Undoes the changes made since they were last accepted, newest first, and drops their events. */
    public void rejectChanges() {
        for (int i = uncommitted.size() - 1; i >= 0; i--) {
            ProductChange change = uncommitted.get(i);
            if (change instanceof ProductChange.LineAllocated allocated) {
                Batch batch = batches.get(allocated.batchref());
                batch.remove(allocated.line());
                allocationOf.remove(allocated.line());
                preference.refresh(batch);
            } else if (change instanceof ProductChange.BatchAdded added) {
                preference.withdraw(batches.remove(added.ref()));
            }
        }
        uncommitted.clear();
        pullEvents();
    }

    private void assign(OrderLine line, Batch batch) {
        batch.add(line);
        preference.refresh(batch);
        allocationOf.put(line, batch);
        uncommitted.add(new ProductChange.LineAllocated(line, batch.ref()));
    }

    private void rejectDuplicate(OrderLine line) {
        Batch holding = allocationOf.get(line);
        if (holding != null) {
            throw DuplicateAllocation.of(line, holding.ref());
        }
    }

    private void requireThisSku(OrderLine line) {
        if (!line.sku().equals(sku)) {
            throw new IllegalArgumentException(
                    "a line of sku \"" + line.sku() + "\" was given to product \"" + sku + "\"");
        }
    }

    @Override
    public String toString() {
        return "Product[" + sku + ", " + batches.size() + " batches]";
    }
}

package io.catalogbatch.allocation.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A batch of stock of one sku (an entity of the {@link Product} aggregate, identified by its ref): the
 * purchased quantity, when it arrives, and the order lines allocated to it. Lines are allocated through
 * the product, which chooses the batch.
 */
public final class Batch {

    private final String ref;
    private final String sku;
    private final int purchasedQuantity;
    private final Eta eta;
    private final Set<OrderLine> allocations = new LinkedHashSet<>();
    private long allocatedQuantity;

    public Batch(String ref, String sku, int qty, Eta eta) {
        this.ref = Identifiers.required(ref, "ref");
        this.sku = Identifiers.required(sku, "sku");
        this.purchasedQuantity = Quantities.check(qty, "qty", Quantities.BATCH_MIN);
        this.eta = Objects.requireNonNull(eta, "eta");
    }

    public String ref() {
        return ref;
    }

    public String sku() {
        return sku;
    }

    public Eta eta() {
        return eta;
    }

    public int purchasedQuantity() {
        return purchasedQuantity;
    }

    public long allocatedQuantity() {
        return allocatedQuantity;
    }

    /** Purchased minus allocated; below zero only when restored allocations overbooked the batch. */
    public long availableQuantity() {
        return purchasedQuantity - allocatedQuantity;
    }

    /** Whether the whole line fits: same sku, and at least its quantity still available. */
    public boolean canAllocate(OrderLine line) {
        return sku.equals(line.sku()) && availableQuantity() >= line.qty();
    }

    /** The lines allocated to this batch, in the order they were allocated. */
    public Set<OrderLine> allocations() {
        return Collections.unmodifiableSet(allocations);
    }

    void add(OrderLine line) {
        if (allocations.add(line)) {
            allocatedQuantity += line.qty();
        }
    }

    void remove(OrderLine line) {
        if (allocations.remove(line)) {
            allocatedQuantity -= line.qty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Batch batch && ref.equals(batch.ref);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    @Override
    public String toString() {
        return "Batch[" + ref + "]";
    }
}

package io.catalogbatch.allocation.domain;

/**
 * A change a {@link Product} made since its changes were last accepted: what a store writes on commit,
 * and what the product undoes when they are rejected (a rollback).
 */
public sealed interface ProductChange permits ProductChange.BatchAdded, ProductChange.LineAllocated {

    /** A new batch of the product. */
    record BatchAdded(String ref) implements ProductChange {
    }

    /** A line allocated to a batch, decided now or restored as an earlier run decided it. */
    record LineAllocated(OrderLine line, String batchref) implements ProductChange {
    }
}

package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.domain.ProductChange;
import io.catalogbatch.shared.domain.AggregateRoot;
import io.catalogbatch.shared.service.AbstractUnitOfWork;
import java.util.Collection;
import java.util.List;

/**
 * What every allocation unit of work shares. Its products may be the live aggregates of an in-memory
 * store: commit accepts their changes and hands them to {@link #store}; a rollback rejects them, which
 * undoes them in the aggregate and drops their events.
 */
public abstract class AbstractAllocationUnitOfWork extends AbstractUnitOfWork implements AllocationUnitOfWork {

    private final Products products;

    protected AbstractAllocationUnitOfWork(Products products) {
        this.products = products;
    }

    @Override
    public final Products products() {
        return products;
    }

    @Override
    protected void persist() {
        for (Product product : products.seen()) {
            if (product.hasChanges()) {
                store(product, product.acceptChanges());
            }
        }
    }

    /** Makes the accepted changes of one product part of the store's committed state. */
    protected abstract void store(Product product, List<ProductChange> changes);

    @Override
    protected final Collection<? extends AggregateRoot> seen() {
        return products.seen();
    }

    @Override
    protected final void forgetSeen() {
        products.forgetSeen();
    }

    @Override
    protected final void discard() {
        products.seen().forEach(Product::rejectChanges);
    }
}

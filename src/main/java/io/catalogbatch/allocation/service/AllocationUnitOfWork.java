package io.catalogbatch.allocation.service;

import io.catalogbatch.shared.service.UnitOfWork;

/** The unit of work of the allocation context: one atomic change to its products. */
public interface AllocationUnitOfWork extends UnitOfWork {

    Products products();
}

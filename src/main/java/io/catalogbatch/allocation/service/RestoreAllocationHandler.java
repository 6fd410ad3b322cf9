package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.UnknownBatch;
import io.catalogbatch.allocation.domain.commands.RestoreAllocation;
import io.catalogbatch.shared.service.Handler;

/** Puts back an allocation an earlier run made, on the batch it names, without deciding again. */
public final class RestoreAllocationHandler implements Handler<RestoreAllocation> {

    private final AllocationUnitOfWork uow;

    public RestoreAllocationHandler(AllocationUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(RestoreAllocation command) {
        try (uow) {
            uow.products().getByBatchref(command.batchref())
                    .orElseThrow(() -> UnknownBatch.named(command.batchref()))
                    .restoreAllocation(command.line(), command.batchref());
            uow.commit();
        }
    }
}

package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.shared.service.Handler;

/**
 * Allocates a line (the book's {@code allocate}). An unknown sku or a repeated line propagates its error
 * and commits nothing; a line that fits nowhere commits the product's {@code OutOfStock} event, so the bus
 * publishes it, and changes nothing else.
 */
public final class AllocateHandler implements Handler<Allocate> {

    private final AllocationUnitOfWork uow;

    public AllocateHandler(AllocationUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(Allocate command) {
        try (uow) {
            uow.products().require(command.sku()).allocate(command.line());
            uow.commit();
        }
    }
}

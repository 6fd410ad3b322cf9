package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.DuplicateBatch;
import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.shared.service.Handler;
import java.util.Optional;

/** Adds a batch to the product of its sku, creating the product on its first batch (the book's {@code add_batch}). */
public final class CreateBatchHandler implements Handler<CreateBatch> {

    private final AllocationUnitOfWork uow;

    public CreateBatchHandler(AllocationUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(CreateBatch command) {
        try (uow) {
            Products products = uow.products();
            Optional<Product> holder = products.getByBatchref(command.ref());
            if (holder.isPresent()) {
                throw DuplicateBatch.of(command.ref(), holder.get().sku());
            }
            Product product = products.get(command.sku()).orElseGet(() -> {
                Product created = new Product(command.sku());
                products.add(created);
                return created;
            });
            product.addBatch(command.ref(), command.qty(), command.eta());
            uow.commit();
        }
    }
}

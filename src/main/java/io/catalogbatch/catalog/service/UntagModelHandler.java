package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.UntagModel;
import io.catalogbatch.shared.service.Handler;

/** Untags a known model; removing an absent tag is a no-op. */
public final class UntagModelHandler implements Handler<UntagModel> {

    private final CatalogUnitOfWork uow;

    public UntagModelHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(UntagModel command) {
        try (uow) {
            uow.models().require(command.name(), "model").untag(command.tag());
            uow.commit();
        }
    }
}

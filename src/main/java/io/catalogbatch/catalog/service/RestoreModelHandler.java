package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.RestoreModel;
import io.catalogbatch.shared.service.Handler;

/** Restores a known model to active. */
public final class RestoreModelHandler implements Handler<RestoreModel> {

    private final CatalogUnitOfWork uow;

    public RestoreModelHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(RestoreModel command) {
        try (uow) {
            uow.models().require(command.name(), "name").restore();
            uow.commit();
        }
    }
}

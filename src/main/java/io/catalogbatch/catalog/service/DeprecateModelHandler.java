package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.DeprecateModel;
import io.catalogbatch.shared.service.Handler;

/** Deprecates a known model. */
public final class DeprecateModelHandler implements Handler<DeprecateModel> {

    private final CatalogUnitOfWork uow;

    public DeprecateModelHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(DeprecateModel command) {
        try (uow) {
            uow.models().require(command.name(), "name").deprecate();
            uow.commit();
        }
    }
}

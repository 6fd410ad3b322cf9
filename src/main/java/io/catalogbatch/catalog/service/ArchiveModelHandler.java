package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.ArchiveModel;
import io.catalogbatch.shared.service.Handler;

/** Archives a known model. */
public final class ArchiveModelHandler implements Handler<ArchiveModel> {

    private final CatalogUnitOfWork uow;

    public ArchiveModelHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(ArchiveModel command) {
        try (uow) {
            uow.models().require(command.name(), "name").archive();
            uow.commit();
        }
    }
}

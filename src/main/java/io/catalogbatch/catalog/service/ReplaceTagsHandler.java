package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.ReplaceTags;
import io.catalogbatch.shared.service.Handler;

/** Sets a known model's tags. */
public final class ReplaceTagsHandler implements Handler<ReplaceTags> {

    private final CatalogUnitOfWork uow;

    public ReplaceTagsHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(ReplaceTags command) {
        try (uow) {
            uow.models().require(command.name(), "model").replaceTags(command.tags());
            uow.commit();
        }
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.shared.service.Handler;

/** Tags a known model. */
public final class TagModelHandler implements Handler<TagModel> {

    private final CatalogUnitOfWork uow;

    public TagModelHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(TagModel command) {
        try (uow) {
            uow.models().require(command.name(), "model").tag(command.tag());
            uow.commit();
        }
    }
}

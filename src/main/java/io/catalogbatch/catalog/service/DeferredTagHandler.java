package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.shared.service.Handler;

/**
 * Replace mode's handling of a tags row ({@code TagModel}, {@code UntagModel}): the row only lists its tag for
 * the run's {@code ReplaceTags}, which sets the model's tags at the end of the run, so nothing changes now; but
 * the model must be one the catalog holds ({@code unknown-model}).
 */
public final class DeferredTagHandler implements Handler<CatalogCommand> {

    private final CatalogUnitOfWork uow;

    public DeferredTagHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(CatalogCommand command) {
        try (uow) {
            uow.models().require(command.name(), "model");
        }
    }
}

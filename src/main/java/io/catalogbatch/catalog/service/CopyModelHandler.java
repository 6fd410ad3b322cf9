package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.commands.CopyModel;
import io.catalogbatch.shared.service.Handler;
import java.util.Optional;

/** Stores a model as it came from another catalog; a model already held as it is, is left alone. */
public final class CopyModelHandler implements Handler<CopyModel> {

    private final CatalogUnitOfWork uow;

    public CopyModelHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(CopyModel command) {
        try (uow) {
            Optional<Model> held = uow.models().get(command.name().key());
            if (held.isPresent()) {
                if (!held.get().snapshot().equals(command.model())) {
                    throw new ConcurrentModelUpdate(command.name().display(), command.model().revision(),
                            held.get().revision());
                }
                return;
            }
            uow.models().add(Model.migrated(command.model()));
            uow.commit();
        }
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.shared.service.Handler;
import java.util.Optional;

/** Adds a model, or brings a known one up to date with the row (see {@link AddModel}). */
public final class AddModelHandler implements Handler<AddModel> {

    private final CatalogUnitOfWork uow;
    private final Successors successors;

    public AddModelHandler(CatalogUnitOfWork uow, ForwardReferences forward) {
        this.uow = uow;
        this.successors = new Successors(forward);
    }

    @Override
    public void handle(AddModel command) {
        try (uow) {
            Optional<Model> existing = uow.models().get(command.name().key());
            existing.ifPresent(model -> model.checkRevision(command.expectedRevision()));
            ModelPatch patch = successors.resolve(uow.models(), command.name(), command.patch());
            if (existing.isPresent()) {
                Model model = existing.get();
                model.update(patch);
                model.tagAll(command.tags());
            } else {
                uow.models().add(Model.add(command.name(), patch, command.tags()));
            }
            uow.commit();
        }
    }
}

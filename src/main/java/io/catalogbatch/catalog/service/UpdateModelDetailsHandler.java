package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.commands.UpdateModelDetails;
import io.catalogbatch.shared.service.Handler;

/** Changes the present details of a known model. */
public final class UpdateModelDetailsHandler implements Handler<UpdateModelDetails> {

    private final CatalogUnitOfWork uow;
    private final Successors successors;

    public UpdateModelDetailsHandler(CatalogUnitOfWork uow, ForwardReferences forward) {
        this.uow = uow;
        this.successors = new Successors(forward);
    }

    @Override
    public void handle(UpdateModelDetails command) {
        try (uow) {
            Model model = uow.models().require(command.name(), "name");
            model.checkRevision(command.expectedRevision());
            ModelPatch patch = successors.resolve(uow.models(), command.name(), command.patch());
            model.changeDetails(patch.details(), patch.presentDetails());
            uow.commit();
        }
    }
}

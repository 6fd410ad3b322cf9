package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ProgramChange;
import io.catalogbatch.catalog.domain.UnknownModel;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.shared.service.Handler;
import java.util.Optional;

/**
 * Tags a known model. A tags row that came back from a spreadsheet program does not add a tag the program made of
 * one of the model's tags ({@code 3.0} written back as {@code 3}): the cell is listed instead; a model it lacks is
 * {@code unknown-model} with the likely cause.
 */
public final class TagModelHandler implements Handler<TagModel> {

    private final CatalogUnitOfWork uow;

    public TagModelHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(TagModel command) {
        try (uow) {
            boolean fromSpreadsheet = command.spreadsheet().cameBack();
            Model model = fromSpreadsheet ? uow.models().get(command.name().key())
                    .orElseThrow(() -> UnknownModel.namedInSpreadsheet("model", command.name()))
                    : uow.models().require(command.name(), "model");
            Optional<ProgramChange> programs = fromSpreadsheet
                    ? model.programChangeOfATag(command.tag()) : Optional.empty();
            if (programs.isPresent()) {
                model.ignore("tag", programs.get(), command.spreadsheet().line());
            } else {
                model.tag(command.tag());
            }
            uow.commit();
        }
    }
}

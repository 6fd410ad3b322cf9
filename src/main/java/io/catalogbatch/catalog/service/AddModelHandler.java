package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.UnknownModel;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.shared.service.Handler;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds a model, or brings a known one up to date with the row (see {@link AddModel}): its tags are added, or
 * become exactly the row's when they are the whole set ({@link AddModel#tagsAreTheWholeSet()}). A row that came back
 * from a spreadsheet program changes no cell the program changed ({@link SpreadsheetRow#applicableTo}: the model
 * keeps its value and the cell is listed), and may not add a model under a name the program made (a revision of a
 * name the catalog lacks is {@code unknown-model}). In replace mode the row's tags wait for the run's
 * {@link io.catalogbatch.catalog.domain.commands.ReplaceTags}: they are left out here.
 */
public final class AddModelHandler implements Handler<AddModel> {

    private final CatalogUnitOfWork uow;
    private final Successors successors;
    private final boolean tagsNow;

    public AddModelHandler(CatalogUnitOfWork uow, ForwardReferences forward) {
        this(uow, forward, true);
    }

    private AddModelHandler(CatalogUnitOfWork uow, ForwardReferences forward, boolean tagsNow) {
        this.uow = uow;
        this.successors = new Successors(forward);
        this.tagsNow = tagsNow;
    }

    /** Replace mode's: the details of the row now, its tags later. */
    public static AddModelHandler leavingTagsForLater(CatalogUnitOfWork uow, ForwardReferences forward) {
        return new AddModelHandler(uow, forward, false);
    }

    @Override
    public void handle(AddModel command) {
        try (uow) {
            Optional<Model> existing = uow.models().get(command.name().key());
            SpreadsheetRow sheet = command.spreadsheet();
            if (existing.isEmpty() && sheet.cameBack() && command.expectedRevision() != AddModel.ANY_REVISION) {
                throw UnknownModel.revisionFromSpreadsheet(command.name(), command.expectedRevision());
            }
            existing.ifPresent(model -> model.checkRevision(command.expectedRevision()));
            SpreadsheetRow.Applicable applicable = existing.isPresent()
                    ? sheet.applicableTo(existing.get().details(), command.patch())
                    : new SpreadsheetRow.Applicable(command.patch(), List.of());
            if (existing.isEmpty()) {
                sheet.requireValid();
            }
            ModelPatch patch = successors.resolve(uow.models(), command.name(), applicable.patch());
            Set<Tag> tags = tagsNow ? command.tags() : Set.of();
            if (existing.isPresent()) {
                Model model = existing.get();
                model.update(patch);
                if (tagsNow && command.tagsAreTheWholeSet()) {
                    model.replaceTags(tags);
                } else {
                    model.tagAll(tags);
                }
                applicable.ignored().forEach(cell -> model.ignore(cell.field().column(), cell.change(), sheet.line()));
            } else {
                uow.models().add(Model.add(command.name(), patch, tags));
            }
            uow.commit();
        }
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.ArchiveModel;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.domain.commands.CopyModel;
import io.catalogbatch.catalog.domain.commands.DeprecateModel;
import io.catalogbatch.catalog.domain.commands.ReplaceTags;
import io.catalogbatch.catalog.domain.commands.RestoreModel;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UntagModel;
import io.catalogbatch.catalog.domain.commands.UpdateModelDetails;
import io.catalogbatch.catalog.domain.events.ModelEvent;
import io.catalogbatch.shared.service.Handler;
import io.catalogbatch.shared.service.MessageBus;
import java.util.List;

/** The one wiring point of the catalog's service layer: a bus with a handler for every command. */
public final class CatalogBootstrap {

    private CatalogBootstrap() {
    }

    public static MessageBus bus(CatalogUnitOfWork uow) {
        return bus(uow, List.of(), ForwardReferences.NONE);
    }

    /** A bus whose model events also go to {@code eventHandlers}. */
    public static MessageBus bus(CatalogUnitOfWork uow, List<Handler<ModelEvent>> eventHandlers) {
        return bus(uow, eventHandlers, ForwardReferences.NONE);
    }

    /**
     * A bus whose model events also go to {@code eventHandlers} (the run's change log, a read model), and
     * whose successor checks also accept the models that later rows of the file add.
     */
    public static MessageBus bus(CatalogUnitOfWork uow, List<Handler<ModelEvent>> eventHandlers,
                                 ForwardReferences forward) {
        MessageBus.Builder builder = MessageBus.builder(uow)
                .commandsOf(CatalogCommand.class)
                .command(AddModel.class, new AddModelHandler(uow, forward))
                .command(UpdateModelDetails.class, new UpdateModelDetailsHandler(uow, forward))
                .command(TagModel.class, new TagModelHandler(uow))
                .command(UntagModel.class, new UntagModelHandler(uow))
                .command(ReplaceTags.class, new ReplaceTagsHandler(uow))
                .command(DeprecateModel.class, new DeprecateModelHandler(uow))
                .command(ArchiveModel.class, new ArchiveModelHandler(uow))
                .command(RestoreModel.class, new RestoreModelHandler(uow))
                .command(CopyModel.class, new CopyModelHandler(uow));
        eventHandlers.forEach(handler -> builder.event(ModelEvent.class, handler));
        return builder.build();
    }
}

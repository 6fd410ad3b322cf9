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
import io.catalogbatch.catalog.domain.events.ProgramChangeIgnored;
import io.catalogbatch.shared.service.Handler;
import io.catalogbatch.shared.service.MessageBus;
import java.util.List;

/** The one wiring point of the catalog's service layer: a bus with a handler for every command. */
public final class CatalogBootstrap {

    /** Where no list of them is kept (no import run): a cell not applied is still not applied. */
    private static final Handler<ProgramChangeIgnored> NOT_LISTED = ignored -> { };

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
        return bus(uow, eventHandlers, forward, NOT_LISTED);
    }

    /**
     * The same, with {@code ignored} told of every cell of a row from a spreadsheet program that was not applied
     * (the run's list of them).
     */
    public static MessageBus bus(CatalogUnitOfWork uow, List<Handler<ModelEvent>> eventHandlers,
                                 ForwardReferences forward, Handler<ProgramChangeIgnored> ignored) {
        MessageBus.Builder builder = MessageBus.builder(uow).event(ProgramChangeIgnored.class, ignored)
                .command(AddModel.class, new AddModelHandler(uow, forward))
                .command(TagModel.class, new TagModelHandler(uow))
                .command(UntagModel.class, new UntagModelHandler(uow));
        return withTheOtherHandlers(builder, uow, eventHandlers, forward);
    }

    /**
     * The bus of a replace-mode import (SPEC §4 {@code --mode replace}): its rows change every detail as in
     * merge mode, but no tag; each listed model's tags are set at the end of the run by {@code ReplaceTags}
     * ({@link ListedTags}). A tags row still has to name a model the catalog holds.
     */
    public static MessageBus replaceModeBus(CatalogUnitOfWork uow, List<Handler<ModelEvent>> eventHandlers,
                                            ForwardReferences forward) {
        return replaceModeBus(uow, eventHandlers, forward, NOT_LISTED);
    }

    /** The same, with {@code ignored} told of every cell of a row from a spreadsheet program that was not applied. */
    public static MessageBus replaceModeBus(CatalogUnitOfWork uow, List<Handler<ModelEvent>> eventHandlers,
                                            ForwardReferences forward, Handler<ProgramChangeIgnored> ignored) {
        DeferredTagHandler deferred = new DeferredTagHandler(uow);
        MessageBus.Builder builder = MessageBus.builder(uow).event(ProgramChangeIgnored.class, ignored)
                .command(AddModel.class, AddModelHandler.leavingTagsForLater(uow, forward))
                .command(TagModel.class, deferred)
                .command(UntagModel.class, deferred);
        return withTheOtherHandlers(builder, uow, eventHandlers, forward);
    }

    private static MessageBus withTheOtherHandlers(MessageBus.Builder builder, CatalogUnitOfWork uow,
                                                   List<Handler<ModelEvent>> eventHandlers, ForwardReferences forward) {
        builder.commandsOf(CatalogCommand.class)
                .command(UpdateModelDetails.class, new UpdateModelDetailsHandler(uow, forward))
                .command(ReplaceTags.class, new ReplaceTagsHandler(uow))
                .command(DeprecateModel.class, new DeprecateModelHandler(uow))
                .command(ArchiveModel.class, new ArchiveModelHandler(uow))
                .command(RestoreModel.class, new RestoreModelHandler(uow))
                .command(CopyModel.class, new CopyModelHandler(uow));
        eventHandlers.forEach(handler -> builder.event(ModelEvent.class, handler));
        return builder.build();
    }
}

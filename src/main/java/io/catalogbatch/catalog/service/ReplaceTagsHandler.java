package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.ReplaceTags;
import io.catalogbatch.shared.service.Handler;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Sets a known model's tags. A tag that a row from a spreadsheet program listed, and that the program made of one of
 * the model's tags ({@code 3.0} written back as {@code 3}), keeps the model's tag instead: the cell is listed.
 */
public final class ReplaceTagsHandler implements Handler<ReplaceTags> {

    private final CatalogUnitOfWork uow;

    public ReplaceTagsHandler(CatalogUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void handle(ReplaceTags command) {
        try (uow) {
            Model model = uow.models().require(command.name(), "model");
            Set<Tag> wanted = new HashSet<>(command.tags());
            command.fromSpreadsheet().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(listed ->
                    model.programChangeOfATag(listed.getKey())
                            .filter(change -> !wanted.contains(Tag.of(change.stored())))
                            .ifPresent(change -> {
                                wanted.remove(listed.getKey());
                                wanted.add(Tag.of(change.stored()));
                                model.ignore("tag", change, listed.getValue());
                            }));
            model.replaceTags(wanted);
            uow.commit();
        }
    }
}

package io.catalogbatch.archfixture.catalog.service;

import io.catalogbatch.archfixture.catalog.adapters.PlantedAdapter;
import io.catalogbatch.archfixture.catalog.domain.commands.RenameThing;
import io.catalogbatch.archfixture.shared.service.Handler;
import org.springframework.transaction.annotation.Transactional;

/** PLANTED VIOLATION (test fixture): a command handler not named RenameThingHandler, using Spring and an adapter. */
public final class RenameProcessor implements Handler<RenameThing> {

    PlantedAdapter adapter;

    @Transactional
    @Override
    public void handle(RenameThing command) {
    }
}

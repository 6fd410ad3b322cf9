package io.catalogbatch.archfixture.shared.service;

import io.catalogbatch.archfixture.shared.domain.Command;

/** Test fixture (clean): the miniature kernel's handler. */
public interface Handler<C extends Command> {

    void handle(C command);
}

package io.catalogbatch.shared.service;

import io.catalogbatch.shared.domain.Message;

/** Handles one kind of message. Command handlers return nothing: queries go to the read side. */
@FunctionalInterface
public interface Handler<M extends Message> {

    void handle(M message);
}

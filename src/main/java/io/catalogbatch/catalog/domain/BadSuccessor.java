package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.DomainException;

/** A successor that names no model, the model itself, or closes a cycle. */
public final class BadSuccessor extends DomainException {

    public BadSuccessor(String field, String message) {
        super("bad-successor", field, message);
    }
}

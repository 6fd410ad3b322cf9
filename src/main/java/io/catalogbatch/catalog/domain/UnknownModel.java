package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.DomainException;

/** A command names a model the catalog does not hold. */
public final class UnknownModel extends DomainException {

    public UnknownModel(String field, String message) {
        super("unknown-model", field, message);
    }
}

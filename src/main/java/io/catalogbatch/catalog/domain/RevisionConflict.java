package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.DomainException;

/** A row was edited from an older state of the model than the one stored. */
public final class RevisionConflict extends DomainException {

    public RevisionConflict(String field, String message) {
        super("conflict", field, message);
    }
}

package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.DomainException;

/** A model would carry more tags than a model may. */
public final class TooManyTags extends DomainException {

    public TooManyTags(String field, String message) {
        super("too-many-tags", field, message);
    }
}

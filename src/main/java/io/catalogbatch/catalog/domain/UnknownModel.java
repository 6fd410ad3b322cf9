package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.DomainException;

/** A command names a model the catalog does not hold. */
public final class UnknownModel extends DomainException {

    public UnknownModel(String field, String message) {
        super("unknown-model", field, message);
    }

    /** The model named in {@code field} is not in the catalog. */
    public static UnknownModel named(String field, ModelName name) {
        return new UnknownModel(field, String.format(
                "the catalog has no model named \"%s\"; add it in the models file first", name));
    }
}

package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.DomainException;

/** A batch ref that already names a batch (of any sku): refs are unique, the first batch stays. */
public final class DuplicateBatch extends DomainException {

    public static final String REASON = "duplicate";

    private DuplicateBatch(String message) {
        super(REASON, "ref", message);
    }

    public static DuplicateBatch of(String ref, String existingSku) {
        return new DuplicateBatch(String.format(
                "batch \"%s\" (sku \"%s\") already exists; refs are unique and the first batch stays: "
                        + "give this one another ref or delete the row", ref, existingSku));
    }
}

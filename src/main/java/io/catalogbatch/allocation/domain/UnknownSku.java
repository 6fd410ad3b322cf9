package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.DomainException;

/** An order line names a sku of which there is no batch at all (the book's {@code InvalidSku}). */
public final class UnknownSku extends DomainException {

    public static final String REASON = "unknown-sku";

    private UnknownSku(String message) {
        super(REASON, "sku", message);
    }

    public static UnknownSku of(String sku) {
        return new UnknownSku(String.format(
                "there is no batch of sku \"%s\" (skus are case-sensitive); check the sku or add a batch of it", sku));
    }
}

package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.DomainException;

/** An existing allocation names a batch that does not exist, or that holds another sku. */
public final class UnknownBatch extends DomainException {

    public static final String REASON = "unknown-batch";

    private UnknownBatch(String message) {
        super(REASON, "batchref", message);
    }

    public static UnknownBatch named(String batchref) {
        return new UnknownBatch(String.format(
                "there is no batch \"%s\" (refs are case-sensitive); correct the batchref or add the batch", batchref));
    }

    public static UnknownBatch ofOtherSku(String batchref, String batchSku, String lineSku) {
        return new UnknownBatch(String.format(
                "batch \"%s\" holds sku \"%s\", not \"%s\"; correct the batchref or the sku", batchref, batchSku, lineSku));
    }
}

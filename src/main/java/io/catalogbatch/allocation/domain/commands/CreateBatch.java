package io.catalogbatch.allocation.domain.commands;

import io.catalogbatch.allocation.domain.Eta;
import io.catalogbatch.allocation.domain.Identifiers;
import io.catalogbatch.allocation.domain.Quantities;
import java.util.Objects;

/** Adds a batch of {@code qty} units of a sku, arriving at {@code eta} ({@link Eta#NONE}: in the warehouse). */
public record CreateBatch(String ref, String sku, int qty, Eta eta) implements AllocationCommand {

    public CreateBatch {
        ref = Identifiers.required(ref, "ref");
        sku = Identifiers.required(sku, "sku");
        Quantities.check(qty, "qty", Quantities.BATCH_MIN);
        Objects.requireNonNull(eta, "eta");
    }

    /** The command of a {@code batches.csv} row, its cells checked in column order. */
    public static CreateBatch fromCells(String ref, String sku, String qty, String eta) {
        String checkedRef = Identifiers.required(ref, "ref");
        String checkedSku = Identifiers.required(sku, "sku");
        int checkedQty = Quantities.parse(qty, "qty", Quantities.BATCH_MIN);
        return new CreateBatch(checkedRef, checkedSku, checkedQty, Eta.parse(eta));
    }
}

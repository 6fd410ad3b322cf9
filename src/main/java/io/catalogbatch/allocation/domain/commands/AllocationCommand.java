package io.catalogbatch.allocation.domain.commands;

import io.catalogbatch.shared.domain.Command;

/** A command of the allocation context; each concerns one sku. */
public sealed interface AllocationCommand extends Command permits CreateBatch, Allocate, RestoreAllocation {

    String sku();
}

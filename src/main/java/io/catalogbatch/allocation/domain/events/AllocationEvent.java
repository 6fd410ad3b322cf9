package io.catalogbatch.allocation.domain.events;

import io.catalogbatch.shared.domain.Event;

/** An event of the allocation context; each concerns one sku (one product). */
public sealed interface AllocationEvent extends Event permits Allocated, OutOfStock {

    String sku();
}

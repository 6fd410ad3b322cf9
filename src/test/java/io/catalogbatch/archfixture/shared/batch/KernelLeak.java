package io.catalogbatch.archfixture.shared.batch;

import io.catalogbatch.archfixture.catalog.domain.PlantedViolation;

/** PLANTED VIOLATION (test fixture): the shared kernel reaching into a bounded context. */
public final class KernelLeak {

    PlantedViolation catalogClass;
}

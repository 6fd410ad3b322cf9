package io.catalogbatch.archfixture.catalog.config;

import io.catalogbatch.archfixture.allocation.domain.Allocation;

/** PLANTED VIOLATION (test fixture): a config class without @Configuration that wires another context. */
public final class PlantedConfiguration {

    Allocation otherContext;
}

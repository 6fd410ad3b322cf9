package io.catalogbatch.archfixture.catalog.adapters;

import org.springframework.stereotype.Repository;

/**
 * PLANTED VIOLATION (test fixture): an adapter annotated for component scanning instead of built by config.
 * Abstract, so that the component scanning of {@code io.catalogbatch} in Spring tests never registers it.
 */
@Repository
public abstract class PlantedAdapter {
}

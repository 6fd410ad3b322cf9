package io.catalogbatch.archfixture.catalog.domain;

import io.catalogbatch.archfixture.allocation.domain.Allocation;
import io.catalogbatch.archfixture.catalog.adapters.PlantedAdapter;
import io.catalogbatch.archfixture.catalog.entrypoints.PlantedEntrypoint;
import org.springframework.stereotype.Component;

/**
 * PLANTED VIOLATION (test fixture): a domain class that is a Spring component and uses an adapter, an entrypoint
 * and another bounded context's domain. Abstract, like every Spring-annotated fixture class, so that the
 * component scanning of {@code io.catalogbatch} in Spring tests never registers it.
 */
@Component
public abstract class PlantedViolation {

    PlantedAdapter adapter;
    PlantedEntrypoint entrypoint;
    Allocation otherContext;
}

/** PLANTED VIOLATION (test fixture): its only offence is a Spring annotation, which ArchUnit 1.x must see. */
@Component
abstract class AnnotationOnlyViolation {
}

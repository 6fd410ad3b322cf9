package io.catalogbatch.archfixture.catalog.entrypoints;

/** Test fixture (clean in itself): the target of the domain's planted dependency on an entrypoint. */
public final class PlantedEntrypoint {
}

package io.catalogbatch.catalog.service;

import java.io.IOException;

/**
 * Opens a catalog other than the one a command writes, to read it (a migration's source): a CSV folder or a
 * database, by the location the user gave. The caller closes what it opened.
 */
@FunctionalInterface
public interface CatalogSources {

    CatalogStore openForReading(String location) throws IOException;
}

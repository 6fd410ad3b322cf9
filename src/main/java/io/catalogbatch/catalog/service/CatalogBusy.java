package io.catalogbatch.catalog.service;

import java.nio.file.Path;

/**
 * Another process (or another run in this one) is writing to the catalog: a store that allows one writer says
 * so with this, and a caller may wait and try again ({@code watch} does).
 */
public final class CatalogBusy extends RuntimeException {

    public CatalogBusy(Path folder) {
        super(String.format("catalog %s is in use by another catalog-batch run; wait for it to finish and try again",
                folder));
    }
}

package io.catalogbatch.catalog.adapters.csv;

import java.nio.file.Path;

/** Another process (or another run in this one) is writing to the catalog folder. */
public final class CatalogBusy extends RuntimeException {

    public CatalogBusy(Path folder) {
        super(String.format("catalog %s is in use by another catalog-batch run; wait for it to finish and try again",
                folder));
    }
}

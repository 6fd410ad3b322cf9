package io.catalogbatch.runs;

import io.catalogbatch.shared.jdbc.UrlSecrets;

/**
 * Another run holds the writer lock of a database catalog ({@link WriterLock}): the same words as a busy catalog
 * folder, so that the command line refuses it and {@code watch} waits for it alike.
 */
public final class CatalogInUse extends RuntimeException {

    CatalogInUse(String url) {
        super(String.format("catalog %s is in use by another catalog-batch run; wait for it to finish and try again",
                UrlSecrets.masked(url)));
    }
}

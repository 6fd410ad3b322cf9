package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.service.search.CatalogQueries;
import java.io.IOException;
import java.util.Collection;

/** A place the catalog is kept (a CSV folder, a database): its command side and its read side. */
public interface CatalogStore extends AutoCloseable {

    /** A unit of work for the calling thread. */
    CatalogUnitOfWork unitOfWork();

    CatalogQueries queries();

    /**
     * A hint that the models with these keys are about to be read in the current transaction (the rows of
     * a chunk): a database reads them in one query instead of one each. Outside a transaction, nothing.
     */
    default void prefetch(Collection<String> keys) {
    }

    /** Removes every model: a migration told to overwrite a catalog starts with an empty one. */
    void deleteAll() throws IOException;

    /** Makes everything committed durable in its final form and lets go of the store. */
    @Override
    void close() throws IOException;
}

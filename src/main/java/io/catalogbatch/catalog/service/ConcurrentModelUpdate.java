package io.catalogbatch.catalog.service;

/**
 * A unit of work tried to store a model that another one changed since it was loaded. Not a row's fault:
 * the work is retried or the run fails and is restarted.
 */
public final class ConcurrentModelUpdate extends RuntimeException {

    public ConcurrentModelUpdate(String name, long loadedRevision, long storedRevision) {
        super(String.format("model \"%s\" changed while it was being updated (loaded at revision %d, stored at %d)",
                name, loadedRevision, storedRevision));
    }
}

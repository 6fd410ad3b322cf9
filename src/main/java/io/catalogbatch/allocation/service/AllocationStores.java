package io.catalogbatch.allocation.service;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the allocation state kept in a folder; the composition root chooses the adapter. */
@FunctionalInterface
public interface AllocationStores {

    /** The store of this folder, nothing read yet; fails when there is no such folder. */
    AllocationStore open(Path folder) throws IOException;
}

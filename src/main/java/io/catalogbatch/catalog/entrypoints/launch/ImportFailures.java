package io.catalogbatch.catalog.entrypoints.launch;

import io.catalogbatch.catalog.service.CaseFoldingCollision;
import io.catalogbatch.catalog.service.CatalogBusy;
import io.catalogbatch.runs.Failures;

/** What an import's failure means for trying again: the command line and the watcher decide by it. */
public final class ImportFailures {

    private ImportFailures() {
    }

    /**
     * Whether the failure is only that another run holds the catalog: its folder's lock, or the H2 file of its
     * database or job repository (H2 lets one process open it). Waiting and trying again is the cure.
     */
    public static boolean catalogBusy(Throwable failure) {
        return Failures.inUseByAnotherProcess(failure)
                || Failures.chain(failure).stream().anyMatch(cause -> cause instanceof CatalogBusy);
    }

    /**
     * Whether running the same command again cannot help until the user changes something the message names: two
     * stored names that are one under case folding. Nothing was started, so there is nothing to resume.
     */
    public static boolean needsTheUser(Throwable failure) {
        return Failures.chain(failure).stream().anyMatch(cause -> cause instanceof CaseFoldingCollision);
    }
}

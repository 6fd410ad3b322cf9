package io.catalogbatch.archfixture.runs;

import io.catalogbatch.archfixture.catalog.domain.commands.RenameThing;
import io.catalogbatch.archfixture.shared.domain.Command;

/**
 * PLANTED VIOLATION (test fixture): the generic run infrastructure knowing a bounded context's class; knowing the
 * shared kernel is fine.
 */
public final class KnowsTheCatalog {

    RenameThing catalogCommand;
    Command kernelCommand;
}

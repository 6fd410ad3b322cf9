package io.catalogbatch.archfixture.catalog.domain.commands;

import io.catalogbatch.archfixture.shared.domain.Command;

/** Test fixture (clean): a command as it should be, a record. */
public record RenameThing(String name) implements Command {
}

/** PLANTED VIOLATION (test fixture): a command that is not a record. */
final class NotARecordCommand implements Command {
}

package io.catalogbatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code catalog-batch <subcommand>}. */
@Command(name = "catalog-batch", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Imports, exports and searches an ML model catalog kept as CSV files or in a database.",
        subcommands = {CommandLine.HelpCommand.class})
public final class CatalogBatchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        return new CommandLine(new CatalogBatchCommand()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: import, export, ...");
    }
}

package io.catalogbatch.archfixture.cli;

import picocli.CommandLine.Command;

/** Test fixture (clean): a command of the command line, where picocli belongs. */
@Command(name = "planted")
public final class PlantedCommand {
}

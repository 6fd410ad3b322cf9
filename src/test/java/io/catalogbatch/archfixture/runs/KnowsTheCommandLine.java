package io.catalogbatch.archfixture.runs;

import io.catalogbatch.archfixture.cli.PlantedCommand;

/** PLANTED VIOLATION (test fixture): running a job that reaches out to the command line above it. */
public final class KnowsTheCommandLine {

    PlantedCommand command;
}

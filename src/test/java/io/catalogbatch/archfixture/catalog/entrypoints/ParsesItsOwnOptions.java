package io.catalogbatch.archfixture.catalog.entrypoints;

import picocli.CommandLine;

/** Test fixture (planted violation): an entrypoint below the command line that uses picocli. */
public final class ParsesItsOwnOptions {

    public Object parse(String[] args) {
        return new CommandLine(this).parseArgs(args);
    }
}

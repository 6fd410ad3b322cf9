package io.catalogbatch.cli;

/** A command line that cannot be run as written; its message is for the user (exit code 2). */
final class UsageProblem extends RuntimeException {

    UsageProblem(String message) {
        super(message);
    }
}

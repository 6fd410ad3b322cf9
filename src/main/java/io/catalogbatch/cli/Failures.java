package io.catalogbatch.cli;

import java.io.PrintWriter;

/** Says what went wrong in the user's words: the innermost cause's message, a stack trace only with --verbose. */
final class Failures {

    private Failures() {
    }

    static void report(PrintWriter err, String what, Throwable failure, boolean verbose) {
        err.printf("catalog-batch: %s: %s%n", what, rootMessage(failure));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}

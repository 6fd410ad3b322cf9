package io.catalogbatch.cli;

import io.catalogbatch.runs.Failures;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Says on the console what went wrong, in the user's words: a stack trace only with --verbose. */
final class FailureReport {

    private FailureReport() {
    }

    static void report(PrintWriter err, String what, Throwable failure, boolean verbose) {
        err.printf("catalog-batch: %s: %s%n", what, Failures.rootMessage(failure));
        if (verbose) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(UrlSecrets.scrubbed(trace.toString())); // a driver's message may quote the URL it was given
        }
        err.flush();
    }

    /**
     * The failure that explains a run ({@link Failures#explaining}); the others are shown with --verbose only,
     * and all of them are in run.log.
     */
    static void reportFirst(PrintWriter err, String what, List<Throwable> failures, boolean verbose) {
        if (failures.isEmpty()) {
            return;
        }
        Throwable main = Failures.explaining(failures);
        report(err, what, main, verbose);
        if (verbose) {
            failures.stream().filter(failure -> failure != main).forEach(failure -> report(err, what, failure, true));
        }
    }
}

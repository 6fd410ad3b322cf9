package io.catalogbatch.cli;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a run ended, in the words of {@code summary.json}, {@code history} and the watcher's log, with the exit
 * code it gives (SPEC §6). One place, so that the four that name an ending cannot come to disagree.
 */
enum RunStatus {

    DONE("done", ExitCode.DONE),
    DONE_WITH_REJECTIONS("done-with-rejections", ExitCode.REJECTED_ROWS),
    REFUSED("refused", ExitCode.FAILED),
    FAILED("failed", ExitCode.FAILED),
    STOPPED("stopped", ExitCode.FAILED);

    private final String word;
    private final int exitCode;

    RunStatus(String word, int exitCode) {
        this.word = word;
        this.exitCode = exitCode;
    }

    /** A stop on request comes first, then a failure, a refused file, rejected rows. */
    static RunStatus of(boolean stopped, boolean failed, boolean refused, long rejected) {
        if (stopped) {
            return STOPPED;
        }
        if (failed) {
            return FAILED;
        }
        return refused ? REFUSED : rejected > 0 ? DONE_WITH_REJECTIONS : DONE;
    }

    /** The status a summary names; empty for a word that is none of these (a summary of a later version). */
    static Optional<RunStatus> named(String word) {
        return Arrays.stream(values()).filter(status -> status.word.equals(word)).findFirst();
    }

    String word() {
        return word;
    }

    int exitCode() {
        return exitCode;
    }

    /** A run that ended for good: its files are filed away and a new run starts afresh; else it resumes. */
    boolean ended() {
        return this == DONE || this == DONE_WITH_REJECTIONS || this == REFUSED;
    }

    /** A run that ended before its last row: run the same command again to go on. */
    boolean interrupted() {
        return this == FAILED || this == STOPPED;
    }
}

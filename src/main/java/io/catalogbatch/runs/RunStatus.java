package io.catalogbatch.runs;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a run ended, in the words of {@code summary.json}, {@code history} and the watcher's log, with the exit
 * code it gives (SPEC §6: 0 done, 3 done with rejected rows, 1 anything else). One place, so that the four that
 * name an ending cannot come to disagree; the command line's {@code ExitCode} refers to these numbers and adds its
 * own usage error.
 */
public enum RunStatus {

    DONE("done", 0),
    DONE_WITH_REJECTIONS("done-with-rejections", 3),
    REFUSED("refused", 1),
    FAILED("failed", 1),
    STOPPED("stopped", 1);

    private final String word;
    private final int exitCode;

    RunStatus(String word, int exitCode) {
        this.word = word;
        this.exitCode = exitCode;
    }

    /** A stop on request comes first, then a failure, a refused file, rejected rows. */
    public static RunStatus of(boolean stopped, boolean failed, boolean refused, long rejected) {
        if (stopped) {
            return STOPPED;
        }
        if (failed) {
            return FAILED;
        }
        return refused ? REFUSED : rejected > 0 ? DONE_WITH_REJECTIONS : DONE;
    }

    /** The status a summary names; empty for a word that is none of these (a summary of a later version). */
    public static Optional<RunStatus> named(String word) {
        return Arrays.stream(values()).filter(status -> status.word.equals(word)).findFirst();
    }

    public String word() {
        return word;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A run that ended for good: its files are filed away and a new run starts afresh; else it resumes. */
    public boolean ended() {
        return this == DONE || this == DONE_WITH_REJECTIONS || this == REFUSED;
    }

    /** A run that ended before its last row: run the same command again to go on. */
    public boolean interrupted() {
        return this == FAILED || this == STOPPED;
    }
}

package io.catalogbatch.cli;

import io.catalogbatch.runs.RunStatus;

/** The exit codes of SPEC §6, for scripts and schedulers: those of a run's ending, and the usage error. */
public final class ExitCode {

    /** Done, nothing rejected. */
    public static final int DONE = RunStatus.DONE.exitCode();
    /** Failed, or a file was refused: run the same command again to restart. */
    public static final int FAILED = RunStatus.FAILED.exitCode();
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Done, some rows were rejected (see the report). */
    public static final int REJECTED_ROWS = RunStatus.DONE_WITH_REJECTIONS.exitCode();

    private ExitCode() {
    }
}

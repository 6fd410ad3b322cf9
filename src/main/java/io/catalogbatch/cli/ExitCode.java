package io.catalogbatch.cli;

/** The exit codes of SPEC §6, for scripts and schedulers. */
public final class ExitCode {

    /** Done, nothing rejected. */
    public static final int DONE = 0;
    /** Failed, or a file was refused: run the same command again to restart. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Done, some rows were rejected (see the report). */
    public static final int REJECTED_ROWS = 3;

    private ExitCode() {
    }
}

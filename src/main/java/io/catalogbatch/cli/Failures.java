package io.catalogbatch.cli;

import io.catalogbatch.catalog.service.CatalogBusy;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;

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

    /** H2's "database may be already in use": another process has the file database open. */
    static final int H2_DATABASE_IN_USE = 90020;

    /**
     * Whether the failure is only that another run holds the catalog: its folder's lock, or the H2 file of its
     * database or job repository (H2 lets one process open it). Waiting and trying again is the cure.
     */
    static boolean catalogBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CatalogBusy
                    || cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String known = inWords(cause);
        if (known != null) {
            return known;
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** The failures whose own message is only a path or a class name. */
    private static String inWords(Throwable cause) {
        if (cause instanceof FileAlreadyExistsException e) {
            return e.getFile() + " already exists and is not a folder; name another folder";
        }
        if (cause instanceof NoSuchFileException e) {
            return "no such file or folder: " + e.getFile();
        }
        if (cause instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile() + "; check who may read and write it";
        }
        if (cause instanceof NotDirectoryException e) {
            return e.getFile() + " is a file, not a folder";
        }
        if (cause instanceof FileSystemException e && e.getReason() != null) {
            return e.getFile() + ": " + e.getReason();
        }
        if (cause instanceof SQLException e && e.getErrorCode() == H2_DATABASE_IN_USE) {
            return "the catalog is in use by another catalog-batch run (its H2 database is open in another "
                    + "process); wait for it to finish and try again";
        }
        if (cause instanceof ClassNotFoundException e && e.getMessage() != null && e.getMessage().contains("Driver")) {
            return "no database driver " + e.getMessage() + " in this build (it has H2 and PostgreSQL)";
        }
        return null;
    }
}

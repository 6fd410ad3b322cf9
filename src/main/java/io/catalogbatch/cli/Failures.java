package io.catalogbatch.cli;

import io.catalogbatch.catalog.service.CatalogBusy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.List;

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

    /**
     * The failure that explains a run: the first one caused by the file system (a full disk), else the first.
     * The others are mostly its consequences (a step that could not record its end): shown with --verbose only,
     * and all of them are in run.log.
     */
    static void reportFirst(PrintWriter err, String what, List<Throwable> failures, boolean verbose) {
        if (failures.isEmpty()) {
            return;
        }
        Throwable main = failures.stream().filter(failure -> root(failure) instanceof IOException).findFirst()
                .orElse(failures.get(0));
        report(err, what, main, verbose);
        if (verbose) {
            failures.stream().filter(failure -> failure != main).forEach(failure -> report(err, what, failure, true));
        }
    }

    private static Throwable root(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        String context = null;
        boolean jobRepository = false;
        while (cause.getCause() != null && cause.getCause() != cause) {
            jobRepository |= cause.getClass().getName().startsWith("org.h2.");
            if ((cause instanceof IOException || cause instanceof UncheckedIOException) && cause.getMessage() != null
                    && !cause.getMessage().equals(cause.getCause().toString())) {
                context = cause.getMessage(); // our own words around an operating system error, naming the file
            }
            cause = cause.getCause();
        }
        String known = inWords(cause);
        if (known != null) {
            return known;
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        if (cause instanceof IOException && context == null && jobRepository) {
            context = "cannot write the job repository (the H2 database that records the runs of the catalog)";
        }
        if (cause instanceof IOException && context != null) {
            message = context.contains(message) ? context : context + ": " + message;
        }
        return message + advice(message);
    }

    /** What to do about the operating system's errors that say what is wrong but not what to do. */
    private static String advice(String reason) {
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return ". The disk is full: free some space on it (or name another folder), then run the same command "
                    + "again";
        }
        if (reason.contains("Read-only file system")) {
            return ". That file system is mounted read-only: name a folder you can write to";
        }
        if (reason.contains("Not a directory")) {
            return ". A part of this path is a file, not a folder: name a folder";
        }
        return "";
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
            return e.getFile() + ": " + e.getReason() + advice(e.getReason());
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

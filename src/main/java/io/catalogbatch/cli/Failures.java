package io.catalogbatch.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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
        if (cause instanceof ClassNotFoundException e && e.getMessage() != null && e.getMessage().contains("Driver")) {
            return "no database driver " + e.getMessage() + " in this build (it has H2 and PostgreSQL)";
        }
        return null;
    }
}

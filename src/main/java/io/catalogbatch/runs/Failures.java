package io.catalogbatch.runs;

import io.catalogbatch.runs.remote.WorkerSteps;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.transaction.TransactionSystemException;

/**
 * What went wrong with a run, in the user's words: the innermost cause's message, with what to do about it; the
 * failure that explains a run among several. For the command line's messages and the watcher's log alike.
 */
public final class Failures {

    /** H2's "database may be already in use": another process has the file database open. */
    public static final int H2_DATABASE_IN_USE = 90020;

    /** HikariCP's message for a connection it closed (this one broken): it carries no SQL state. */
    private static final String POOL_CONNECTION_CLOSED = "Connection is closed";

    private Failures() {
    }

    /**
     * Whether the failure, or one of its causes, is that another run writes to the catalog: another process has
     * its H2 file database open (the catalog's, or its job repository; H2 lets one process open it), or holds the
     * writer lock of its PostgreSQL database ({@link CatalogInUse}). Waiting and trying again is the cure.
     */
    public static boolean inUseByAnotherProcess(Throwable failure) {
        return chain(failure).stream().anyMatch(cause -> cause instanceof CatalogInUse
                || cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE);
    }

    /**
     * The failure's best account of a lost connection to the database (a restarted server, a terminated backend, a
     * network cut), or null: the server's own words first (SQL state 57P01-57P03, it shut the session down), then
     * any connection exception (class 08), then the pool's "Connection is closed" (HikariCP gives it no state).
     * A rollback that failed on the dead connection hides the failure that made it roll back: that one is read too.
     */
    static SQLException connectionLost(Throwable failure) {
        List<SQLException> found = new ArrayList<>();
        collectSql(failure, found, Collections.newSetFromMap(new IdentityHashMap<>()));
        for (Predicate<SQLException> sign : List.<Predicate<SQLException>>of(
                sql -> sql.getSQLState() != null && sql.getSQLState().matches("57P0[123]"),
                sql -> sql.getSQLState() != null && sql.getSQLState().startsWith("08"),
                sql -> POOL_CONNECTION_CLOSED.equals(sql.getMessage()))) {
            for (SQLException sql : found) {
                if (sign.test(sql)) {
                    return sql;
                }
            }
        }
        return null;
    }

    private static void collectSql(Throwable failure, List<SQLException> found, Set<Throwable> seen) {
        for (Throwable cause : chain(failure)) {
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLException sql) {
                found.add(sql);
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                collectSql(rollback.getApplicationException(), found, seen);
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                collectSql(suppressed, found, seen);
            }
        }
    }

    /**
     * The failure and its causes, outermost first. A cause met before ends it: {@code initCause} refuses only a
     * failure as its own cause, and a longer loop would keep the run from ever saying what went wrong.
     */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /**
     * The failure that explains a run of several (none: {@code failures} is empty): the first one caused by the
     * file system (a full disk), else a partition's failure on a worker (what the worker recorded, rather than
     * Spring Batch's "Partition handler returned an unsuccessful step"), else the first. The others are mostly its
     * consequences (a step that could not record its end).
     */
    public static Throwable explaining(List<Throwable> failures) {
        return failures.stream().filter(failure -> root(failure) instanceof IOException).findFirst()
                .or(() -> failures.stream().filter(WorkerSteps.PartitionFailed.class::isInstance).findFirst())
                .orElse(failures.get(0));
    }

    private static Throwable root(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1);
    }

    /**
     * The innermost cause's message, in the user's words. A password given in a location never shows: a driver's
     * message may quote the URL it was given ({@link UrlSecrets#scrubbed(String)}).
     */
    public static String rootMessage(Throwable failure) {
        return UrlSecrets.scrubbed(unscrubbed(failure));
    }

    private static String unscrubbed(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable cause = chain.get(chain.size() - 1);
        String context = null;
        boolean jobRepository = false;
        for (Throwable outer : chain.subList(0, chain.size() - 1)) {
            jobRepository |= outer.getClass().getName().startsWith("org.h2.");
            if ((outer instanceof IOException || outer instanceof UncheckedIOException) && outer.getMessage() != null
                    && !outer.getMessage().equals(outer.getCause().toString())) {
                context = outer.getMessage(); // our own words around an operating system error, naming the file
            }
        }
        SQLException lost = connectionLost(failure);
        if (lost != null) {
            return "the connection to the catalog's database was lost (" + firstLine(lost.getMessage())
                    + "): run the same command again to resume";
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

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
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

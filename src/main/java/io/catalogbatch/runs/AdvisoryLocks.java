package io.catalogbatch.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What {@code pg_locks} says of PostgreSQL's advisory locks in the database a connection is on: the writer lock
 * ({@link WriterLock}, the one-key form) and the claims of a partitioned import's partitions (the two-key form).
 */
public final class AdvisoryLocks {

    /** {@code objsubid} of a lock taken with one {@code bigint} key, and of one taken with two {@code int} keys. */
    public static final int ONE_KEY = 1;
    public static final int TWO_KEYS = 2;

    private AdvisoryLocks() {
    }

    /**
     * Whether a session holds the lock whose {@code pg_locks} columns are {@code classId}, {@code objId} (as unsigned
     * 32-bit numbers) and {@code objSubId}; held by the server process {@code pid} only, unless it is null.
     */
    public static boolean held(Connection connection, int objSubId, long classId, long objId, Long pid)
            throws SQLException {
        try (PreparedStatement held = connection.prepareStatement("select exists(select 1 from pg_locks"
                + " where locktype = 'advisory' and granted and objsubid = ? and classid::bigint = ?"
                + " and objid::bigint = ? and (? is null or pid = ?)"
                + " and database = (select oid from pg_database where datname = current_database()))")) {
            held.setInt(1, objSubId);
            held.setLong(2, classId & 0xffff_ffffL);
            held.setLong(3, objId & 0xffff_ffffL);
            held.setObject(4, pid, java.sql.Types.BIGINT);
            held.setObject(5, pid, java.sql.Types.BIGINT);
            try (ResultSet answer = held.executeQuery()) {
                answer.next();
                return answer.getBoolean(1);
            }
        }
    }
}

package io.catalogbatch.runs.remote;

import io.catalogbatch.runs.AdvisoryLocks;
import io.catalogbatch.runs.WriterLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A worker's claim on one partition (a step execution) for as long as it runs it: a session-level advisory lock of
 * the catalog's database, keyed by the step execution's id (the two-key form, apart from the writer lock's). Taken
 * before the partition runs, so that a request delivered twice (the broker's acknowledgement timeout, a redelivery
 * while the first worker still runs) never runs one partition twice at once: the second waits for the first to end,
 * then finds the partition ended. The server ends a claim with its session, so a killed worker leaves none behind,
 * and another worker (or a rerun) may take the partition on.
 */
public final class PartitionClaim implements AutoCloseable {

    /** The first key of every claim: the writer lock's first half (the two-key form is another space of locks). */
    static final int KIND = (int) (WriterLock.KEY >>> 32);

    private final Connection session;
    private final long stepExecutionId;

    private PartitionClaim(Connection session, long stepExecutionId) {
        this.session = session;
        this.stepExecutionId = stepExecutionId;
    }

    /**
     * The claim, once no other session holds it: a worker that runs the partition now (the same request delivered
     * again) is waited for, as is the server ending the session of a worker just killed; the caller then reads the
     * partition's state again, and finds it ended or left to be resumed.
     */
    public static PartitionClaim take(DataSource dataSource, long stepExecutionId) throws SQLException {
        Connection session = dataSource.getConnection();
        try (PreparedStatement lock = session.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, KIND);
            lock.setInt(2, (int) stepExecutionId);
            lock.execute();
            return new PartitionClaim(session, stepExecutionId);
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Whether some session (a live worker) holds the claim on that step execution. */
    public static boolean held(Connection connection, long stepExecutionId) throws SQLException {
        return AdvisoryLocks.held(connection, AdvisoryLocks.TWO_KEYS, KIND, (int) stepExecutionId, null);
    }

    /** Lets the claim go; the connection goes back to the pool without it. */
    @Override
    public void close() throws SQLException {
        try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, KIND);
            unlock.setInt(2, (int) stepExecutionId);
            unlock.execute();
        } finally {
            session.close();
        }
    }
}

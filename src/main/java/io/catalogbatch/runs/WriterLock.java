package io.catalogbatch.runs;

import io.catalogbatch.shared.faults.FaultPoint;
import io.catalogbatch.shared.jdbc.PgPassword;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The writer lock of a PostgreSQL catalog: one writing run (import, watch's imports, migrate into it, and with
 * them the creation and upgrades of its tables) at a time, from any process on any machine. A session-level
 * advisory lock on a connection of its own, held from before the run's Spring context starts until it closes;
 * the server releases it when that session ends, so a killed process (or one whose connection was cut) never
 * leaves the catalog locked. It belongs to the launch, not to the store: the workers of a partitioned import
 * (#13) write under their manager's run, which holds it for them.
 *
 * <p>An H2 file catalog needs none: H2 lets one process open the file ({@link Failures#H2_DATABASE_IN_USE}).
 */
public final class WriterLock implements AutoCloseable {

    /** The advisory lock's key: the first 8 bytes of SHA-256("catalog-batch"), the same for every version. */
    public static final long KEY = keyOf("catalog-batch");

    /**
     * The Spring property that holds the server process id of the session holding the lock, for a run's record (job
     * parameter {@link #SESSION_PARAMETER}): the workers of a partitioned import check that it still holds it.
     */
    public static final String SESSION_PROPERTY = "catalog-batch.writer-session";
    /** The non-identifying job parameter of a database run: the server process id of its writer lock's session. */
    public static final String SESSION_PARAMETER = "writer.session";

    private final Connection session;
    private final int backendPid;

    private WriterLock(Connection session, int backendPid) {
        this.session = session;
        this.backendPid = backendPid;
    }

    /** The server process of the session holding the lock ({@code pg_backend_pid()}). */
    public int backendPid() {
        return backendPid;
    }

    /**
     * Whether the server process {@code backendPid} still holds the writer lock of the database {@code connection}
     * is on: the run that recorded it is alive (the server ends a session's locks with it).
     */
    public static boolean heldBy(Connection connection, long backendPid) throws SQLException {
        return AdvisoryLocks.held(connection, AdvisoryLocks.ONE_KEY, KEY >>> 32, KEY, backendPid);
    }

    /**
     * The lock of the catalog at {@code url}, if it is a PostgreSQL database (empty for any other catalog).
     *
     * @throws CatalogInUse another run holds it
     */
    public static Optional<WriterLock> take(String url) throws SQLException {
        if (!url.startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        Properties credentials = new Properties();
        PgPassword.forUrl(url).ifPresent(password -> credentials.setProperty("password", password));
        Connection session = DriverManager.getConnection(url, credentials);
        int backendPid;
        try (PreparedStatement lock = session.prepareStatement("select pg_try_advisory_lock(?), pg_backend_pid()")) {
            lock.setLong(1, KEY);
            try (ResultSet taken = lock.executeQuery()) {
                taken.next();
                if (!taken.getBoolean(1)) {
                    throw new CatalogInUse(url);
                }
                backendPid = taken.getInt(2);
            }
        } catch (SQLException | RuntimeException e) {
            try {
                session.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        FaultPoint.reach("writer-locked");
        return Optional.of(new WriterLock(session, backendPid));
    }

    /** Ends the session, and with it the lock (also when the connection was lost meanwhile). */
    @Override
    public void close() throws SQLException {
        session.close();
    }

    private static long keyOf(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

package io.catalogbatch.runs;

import io.catalogbatch.shared.jdbc.H2Url;
import io.catalogbatch.shared.jdbc.PgPassword;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.core.env.StandardEnvironment;

/**
 * A database looked at without changing it: a missing one is not created, nothing is written. For the commands
 * that only read (history, and the check that a catalog is there before export, search or a migration's source).
 */
public final class ReadOnlyDatabase {

    /** H2's "database not found" (with {@code IFEXISTS=TRUE}) and PostgreSQL's "database does not exist". */
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    private static final String POSTGRES_NO_DATABASE = "3D000";

    private ReadOnlyDatabase() {
    }

    /**
     * A read-only connection in a transaction of its own. An H2 URL gets {@code IFEXISTS=TRUE} (a missing
     * database is not created) and {@code ACCESS_MODE_DATA=r}; credentials, as for the other commands, come
     * from the URL or {@code spring.datasource.username}/{@code password} (system properties or environment), else
     * {@code PGPASSWORD} for PostgreSQL ({@link PgPassword}).
     */
    public static Connection connect(String url) throws SQLException {
        Properties credentials = new Properties();
        StandardEnvironment environment = new StandardEnvironment();
        for (String key : List.of("username", "password")) {
            String value = environment.getProperty("spring.datasource." + key);
            if (value != null) {
                credentials.setProperty(key.equals("username") ? "user" : key, value);
            }
        }
        if (!credentials.containsKey("password")) {
            PgPassword.forUrl(url).ifPresent(password -> credentials.setProperty("password", password));
        }
        Connection connection = DriverManager.getConnection(url(url), credentials);
        try {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public static String url(String url) {
        return H2Url.readOnly(url);
    }

    /** Whether the connection failed because the database does not exist. */
    public static boolean missing(SQLException e) {
        return e.getErrorCode() == H2_DATABASE_NOT_FOUND || POSTGRES_NO_DATABASE.equals(e.getSQLState());
    }

    /** Whether the database has a table of that name (in upper or lower case, as H2 and PostgreSQL keep them). */
    public static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String spelling : List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(null, null, spelling, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}

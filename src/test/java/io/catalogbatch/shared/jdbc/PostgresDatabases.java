package io.catalogbatch.shared.jdbc;

import io.catalogbatch.shared.services.RequiredServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Databases of their own on a real PostgreSQL server, for tests: {@link #create()} makes {@code cb_<random>} (several
 * builds run at once on one machine) and gives its URL as a user types it,
 * {@code jdbc:postgresql://127.0.0.1:5432/cb_...?user=postgres}. Register it as a field; each database is dropped
 * after the test that made it:
 * <pre>
 * {@literal @}RegisterExtension
 * final PostgresDatabases postgres = new PostgresDatabases();
 * </pre>
 * or, for a class whose tests share databases made in {@code @BeforeAll} (where a database per test would cost too
 * much), after the class:
 * <pre>
 * {@literal @}RegisterExtension
 * static final PostgresDatabases postgres = PostgresDatabases.perClass();
 * </pre>
 * The server is {@value #SERVER_PROPERTY} ({@code host:port}, default {@value #DEFAULT_SERVER}), user
 * {@code postgres} without a password. Where none answers, the test is skipped (an aborted test in JUnit's report)
 * and one line says so on stderr; when {@value #REQUIRED_PROPERTY}{@code =true} (CI), it fails instead.
 */
public final class PostgresDatabases implements AfterEachCallback, AfterAllCallback {

    public static final String SERVER_PROPERTY = "catalog-batch.test.postgres";
    public static final String REQUIRED_PROPERTY = RequiredServices.REQUIRED_PROPERTY;
    static final String DEFAULT_SERVER = "127.0.0.1:5432";

    /** The options of a database whose default collation is ICU's English one (not code-point order). */
    public static final String ICU_EN_US = "locale_provider icu icu_locale 'en-US' template template0";

    private static Boolean available;
    private static String unavailableBecause;

    private final List<String> made = new ArrayList<>();
    private final boolean perTest;

    /** Databases dropped after the test that made them. */
    public PostgresDatabases() {
        this(true);
    }

    private PostgresDatabases(boolean perTest) {
        this.perTest = perTest;
    }

    /** Databases dropped after the test class (register it as a static field). */
    public static PostgresDatabases perClass() {
        return new PostgresDatabases(false);
    }

    /** A new, empty database, as {@code template1} makes it; its URL. */
    public String create() {
        return create("");
    }

    /** A new, empty database made with these {@code create database} options (e.g. {@link #ICU_EN_US}); its URL. */
    public String create(String options) {
        assumeServer();
        String name = "cb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name + (options.isEmpty() ? "" : " " + options));
        synchronized (made) {
            made.add(name);
        }
        return url(name);
    }

    /** A data source on a database {@link #create() made} here. */
    public static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url);
    }

    /** Whether tests must fail rather than skip where no server answers. */
    public static boolean required() {
        return RequiredServices.required();
    }

    static String server() {
        String server = System.getProperty(SERVER_PROPERTY, "").trim();
        return server.isEmpty() ? DEFAULT_SERVER : server;
    }

    static String url(String database) {
        return "jdbc:postgresql://" + server() + "/" + database + "?user=postgres";
    }

    /** Skips the test (or fails it, where the server is required) unless the server answers. */
    public static synchronized void assumeServer() {
        if (available == null) {
            try (Connection connection = DriverManager.getConnection(url("postgres") + "&connectTimeout=5")) {
                available = connection.isValid(5);
            } catch (SQLException e) {
                available = false;
                unavailableBecause = e.getMessage();
            }
        }
        if (!available) {
            RequiredServices.unavailable("PostgreSQL", "no server answers at " + server() + " (" + unavailableBecause
                    + ")", "Start one (user postgres, trust), or name another with -D" + SERVER_PROPERTY
                    + "=host:port.");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            dropAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        dropAll();
    }

    private void dropAll() {
        List<String> names;
        synchronized (made) {
            names = new ArrayList<>(made);
            made.clear();
        }
        for (String name : names) {
            // force: a test may leave a connection open (a reader thread, a data source without a pool)
            execute("drop database if exists " + name.toLowerCase(Locale.ROOT) + " with (force)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server() + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}

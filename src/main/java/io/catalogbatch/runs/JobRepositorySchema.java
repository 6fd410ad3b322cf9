package io.catalogbatch.runs;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;

/**
 * Creates Spring Batch's tables in a database that does not have them all, and leaves a complete one alone.
 * Spring Boot's own initializer runs the whole script at every start and ignores what fails: each run then
 * left nine "already exists" errors behind, 25 kB of stack traces in H2's trace file beside a catalog
 * database ({@code catalog.trace.db}), or nine errors in PostgreSQL's log.
 */
public final class JobRepositorySchema extends BatchDataSourceScriptDatabaseInitializer {

    /** What Spring Batch's script creates, the sequences last (on MySQL, tables of the same names). */
    private static final List<String> OBJECTS = List.of("JOB_INSTANCE", "JOB_EXECUTION", "JOB_EXECUTION_PARAMS",
            "STEP_EXECUTION", "STEP_EXECUTION_CONTEXT", "JOB_EXECUTION_CONTEXT",
            "STEP_EXECUTION_SEQ", "JOB_EXECUTION_SEQ", "JOB_INSTANCE_SEQ");

    private final String prefix;
    private final boolean creates;

    public JobRepositorySchema(DataSource dataSource, BatchJdbcProperties properties) {
        this(dataSource, properties, true);
    }

    /**
     * {@code creates} false: leaves the database alone (a worker of partitioned imports, which holds no writer lock:
     * the manager whose partitions it runs made the tables under its own).
     */
    public JobRepositorySchema(DataSource dataSource, BatchJdbcProperties properties, boolean creates) {
        super(dataSource, properties);
        this.prefix = properties.getTablePrefix() == null ? "BATCH_" : properties.getTablePrefix();
        this.creates = creates;
    }

    @Override
    protected void runScripts(Scripts scripts) {
        if (creates && !complete()) {
            super.runScripts(scripts); // an interrupted first run's half a schema gets the rest
        }
    }

    private boolean complete() {
        try (Connection connection = getDataSource().getConnection()) {
            Set<String> found = tablesAndSequences(connection);
            return OBJECTS.stream().allMatch(name -> found.contains((prefix + name).toUpperCase(Locale.ROOT)));
        } catch (SQLException e) {
            return false; // the script then runs, and says what is wrong with the database
        }
    }

    /** The names of the tables and sequences of the connection's schema, upper-case. */
    private static Set<String> tablesAndSequences(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        try (PreparedStatement query = connection.prepareStatement("select sequence_name from"
                + " information_schema.sequences where lower(sequence_schema) = lower(?)")) {
            query.setString(1, connection.getSchema());
            try (ResultSet sequences = query.executeQuery()) {
                while (sequences.next()) {
                    names.add(sequences.getString(1).toUpperCase(Locale.ROOT));
                }
            }
        } catch (SQLException noSuchView) {
            // a database without sequences keeps them as tables (MySQL), found above
        }
        return names;
    }
}

package io.catalogbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring Batch's tables are created once: a start against a complete schema runs no script. */
class JobRepositorySchemaIT {

    @TempDir
    Path folder;

    @Test
    void an_empty_database_gets_the_tables() {
        JdbcDataSource database = database();
        schema(database).initializeDatabase();
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from batch_job_execution", Integer.class))
                .isZero();
    }

    @Test
    void a_complete_schema_is_left_alone() throws IOException {
        JdbcDataSource database = database();
        schema(database).initializeDatabase();
        for (int start = 0; start < 3; start++) {
            schema(database).initializeDatabase();
        }
        Path trace = folder.resolve("catalog.trace.db"); // where H2 writes the statements that failed
        assertThat(Files.exists(trace) ? Files.readString(trace) : "").doesNotContain("already exists");
    }

    @Test
    void a_schema_that_an_interrupted_first_start_left_half_made_gets_the_rest() {
        JdbcDataSource database = database();
        schema(database).initializeDatabase();
        JdbcTemplate sql = new JdbcTemplate(database);
        sql.execute("drop table batch_job_execution_context");
        sql.execute("drop sequence batch_job_instance_seq");
        schema(database).initializeDatabase();
        assertThat(sql.queryForObject("select count(*) from batch_job_execution_context", Integer.class)).isZero();
        assertThat(sql.queryForObject("select next value for batch_job_instance_seq", Long.class)).isNotNull();
    }

    private JdbcDataSource database() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + folder.resolve("catalog"));
        return database;
    }

    private static JobRepositorySchema schema(JdbcDataSource database) {
        BatchJdbcProperties properties = new BatchJdbcProperties();
        properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
        return new JobRepositorySchema(database, properties);
    }
}

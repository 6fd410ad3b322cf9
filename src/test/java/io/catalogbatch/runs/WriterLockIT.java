package io.catalogbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer lock of a PostgreSQL catalog: one holder per database, gone with its session. */
class WriterLockIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @Test
    void one_run_holds_a_database_catalog_and_its_session_ending_lets_it_go() throws Exception {
        String catalog = postgres.create();
        String other = postgres.create();

        try (WriterLock held = WriterLock.take(catalog).orElseThrow()) {
            assertThatThrownBy(() -> WriterLock.take(catalog)).isInstanceOf(CatalogInUse.class)
                    .hasMessageContaining("is in use by another catalog-batch run");
            WriterLock.take(other).orElseThrow().close(); // advisory locks are per database: one catalog, one lock
        }
        WriterLock.take(catalog).orElseThrow().close();

        try (Connection killed = DriverManager.getConnection(catalog)) {
            try (Statement lock = killed.createStatement()) {
                lock.execute("select pg_advisory_lock(" + WriterLock.KEY + ")");
            }
            assertThatThrownBy(() -> WriterLock.take(catalog)).isInstanceOf(CatalogInUse.class);
            try (Connection admin = DriverManager.getConnection(catalog);
                 Statement terminate = admin.createStatement()) {
                terminate.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                        + " and database = (select oid from pg_database where datname = current_database())");
            }
        }
        WriterLock.take(catalog).orElseThrow().close();
    }

    @Test
    void a_catalog_that_is_not_on_postgresql_takes_no_lock_here() throws Exception {
        assertThat(WriterLock.take("jdbc:h2:mem:catalog")).isEqualTo(Optional.empty());
    }
}

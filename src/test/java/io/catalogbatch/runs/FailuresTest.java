package io.catalogbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class FailuresTest {

    @Test
    void the_innermost_cause_in_our_words_around_it_with_what_to_do() {
        Throwable failure = new IllegalStateException("step failed", new UncheckedIOException(
                "cannot write /data/catalog/models.csv", new IOException("No space left on device")));

        assertThat(Failures.rootMessage(failure)).isEqualTo("cannot write /data/catalog/models.csv: "
                + "No space left on device. The disk is full: free some space on it (or name another folder), "
                + "then run the same command again");
        assertThat(Failures.rootMessage(new RuntimeException(new NoSuchFileException("/data/in.csv"))))
                .isEqualTo("no such file or folder: /data/in.csv");
    }

    @Test
    void an_h2_file_open_in_another_process_is_found_anywhere_in_the_chain() {
        SQLException inUse = new SQLException("Database may be already in use", "90020",
                Failures.H2_DATABASE_IN_USE);

        assertThat(Failures.inUseByAnotherProcess(new IllegalStateException(new RuntimeException(inUse)))).isTrue();
        assertThat(Failures.inUseByAnotherProcess(new RuntimeException(new IOException("disk")))).isFalse();
        assertThat(Failures.rootMessage(new RuntimeException(inUse))).contains("in use by another catalog-batch run");
    }

    /** initCause refuses only a failure as its own cause: two failures can still cause each other. */
    @Test
    void a_loop_of_causes_ends_at_the_last_cause_not_met_before() {
        RuntimeException outer = new RuntimeException("outer");
        IllegalStateException inner = new IllegalStateException("inner");
        outer.initCause(inner);
        inner.initCause(outer);

        assertThat(Failures.chain(outer)).containsExactly(outer, inner);
        assertThat(Failures.rootMessage(outer)).isEqualTo("inner");
        assertThat(Failures.inUseByAnotherProcess(outer)).isFalse();
        assertThat(Failures.explaining(List.of(outer))).isSameAs(outer);
    }

    @Test
    void of_several_failures_the_one_the_file_system_caused_explains_the_run() {
        Throwable consequence = new IllegalStateException("could not record the step's end");
        Throwable cause = new RuntimeException(new IOException("Read-only file system"));

        assertThat(Failures.explaining(List.of(consequence, cause))).isSameAs(cause);
        assertThat(Failures.explaining(List.of(consequence))).isSameAs(consequence);
    }

    /**
     * A terminated backend, as a PostgreSQL catalog's import met it: the chunk's rollback failed on the dead
     * connection with the pool's stateless "Connection is closed", and hid the server's own words, which are said.
     */
    @Test
    void a_lost_connection_is_said_in_the_users_words_with_the_servers_reason() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new RuntimeException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(Failures.rootMessage(new IllegalStateException("step failed", rollback))).isEqualTo(
                "the connection to the catalog's database was lost (FATAL: terminating connection due to "
                        + "administrator command): run the same command again to resume");
        assertThat(Failures.rootMessage(new SQLException("Connection is closed"))).isEqualTo(
                "the connection to the catalog's database was lost (Connection is closed): run the same command "
                        + "again to resume");
        assertThat(Failures.rootMessage(new SQLException("syntax error", "42601"))).isEqualTo("syntax error");
    }

    @Test
    void another_run_holding_the_writer_lock_is_in_use() {
        CatalogInUse held = new CatalogInUse("jdbc:postgresql://db/catalog?user=u&password=secret");

        assertThat(Failures.inUseByAnotherProcess(new RuntimeException(held))).isTrue();
        assertThat(Failures.rootMessage(held)).isEqualTo("catalog jdbc:postgresql://db/catalog?user=u&password=*** is "
                + "in use by another catalog-batch run; wait for it to finish and try again");
    }
}

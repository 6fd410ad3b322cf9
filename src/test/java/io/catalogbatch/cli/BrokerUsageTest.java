package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code import --broker} and {@code worker} say before they start anything: a folder or H2 catalog stays on
 * one machine, a dry run too, and a broker URL with a password in it is refused without showing the password.
 */
class BrokerUsageTest {

    @TempDir
    Path work;

    @Test
    void a_folder_catalog_is_single_machine() throws IOException {
        Result result = CatalogBatchCli.run("import", "--catalog", work.resolve("catalog").toString(), "--models",
                models().toString(), "--broker", "amqp://127.0.0.1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("is a CSV folder, which only one machine imports into: several machines"
                + " need a PostgreSQL catalog");
        assertThat(Files.exists(work.resolve("catalog"))).isFalse();
    }

    @Test
    void an_h2_catalog_is_single_machine_for_a_worker_too() {
        Result result = CatalogBatchCli.run("worker", "--catalog", "jdbc:h2:file:" + work.resolve("db"), "--broker",
                "amqp://127.0.0.1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("is an embedded database, which only one process opens");
    }

    @Test
    void a_dry_run_stays_on_this_machine() throws IOException {
        Result result = CatalogBatchCli.run("import", "--catalog", "jdbc:postgresql://127.0.0.1/nowhere", "--models",
                models().toString(), "--broker", "amqp://127.0.0.1", "--dry-run");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--dry-run checks on this machine alone: leave out --broker");
    }

    @Test
    void a_password_in_the_broker_url_is_refused_and_never_shown() {
        Result result = CatalogBatchCli.run("worker", "--catalog", "jdbc:postgresql://127.0.0.1/nowhere", "--broker",
                "amqp://importer:s3cr3t-word@broker.example/catalog");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("the broker URL carries a password: give it in"
                + " CATALOG_BATCH_BROKER_PASSWORD or in a file").doesNotContain("s3cr3t-word");
    }

    @Test
    void a_worker_needs_a_broker() {
        Result result = CatalogBatchCli.run("worker", "--catalog", "jdbc:postgresql://127.0.0.1/nowhere");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("give --broker amqp://[USER@]HOST[:PORT][/VHOST]");
    }

    private Path models() throws IOException {
        return Files.writeString(work.resolve("models.csv"), "name\norg/one\n");
    }
}

package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.shared.faults.FaultPause;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #22 item 2: a PostgreSQL catalog's connection lost in the middle of an import (here its backends
 * terminated, as a restarted server or an administrator does) ends the run with a message in the user's words
 * and exit 1; the same command resumes it, and the catalog ends as after an uninterrupted import.
 */
class LostConnectionIT {

    private static final int MODELS = 100;

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path work;

    @Test
    void an_import_whose_connection_is_cut_says_so_and_the_same_command_resumes_it() throws Exception {
        Path models = work.resolve("models.csv");
        StringBuilder rows = new StringBuilder("name,description\n");
        for (int i = 0; i < MODELS; i++) {
            rows.append(String.format("org/model-%03d,model %d%n", i, i));
        }
        Files.writeString(models, rows, StandardCharsets.UTF_8);
        String reference = postgres.create();
        String catalog = postgres.create();
        assertThat(CatalogBatchCli.run(importArgs(reference, models, "reference")).exitCode())
                .isEqualTo(ExitCode.DONE);

        FaultPause midRun = FaultPause.at("row-handled:25", work.resolve("signals"));
        Result cut;
        List<String> jvm = new ArrayList<>(midRun.jvmOptions());
        jvm.add("-Dcatalog-batch.chunk-size=10");
        try (CatalogBatchProcess importing = CatalogBatchProcess.start(work, jvm, importArgs(catalog, models,
                "cut"))) {
            midRun.await(importing::isAlive);
            assertThat(terminateBackends(catalog)).isGreaterThan(0);
            midRun.resume();
            int status = importing.waitFor();
            cut = new Result(status, importing.out(), importing.err());
        }

        assertThat(cut.exitCode()).as(cut.out() + cut.err()).isEqualTo(ExitCode.FAILED);
        assertThat(cut.err()).as(cut.err()).contains("the connection to the catalog's database was lost (")
                .contains("run the same command again to resume").doesNotContain("Exception").doesNotContain("\tat ");
        Result resumed = CatalogBatchCli.run(importArgs(catalog, models, "cut"));
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(ExitCode.DONE);
        assertThat(export(catalog)).isEqualTo(export(reference));
    }

    private String[] importArgs(String catalog, Path models, String report) {
        return new String[] {"import", "--catalog", catalog, "--models", models.toString(), "--report",
                work.resolve(report).toString()};
    }

    /** Every backend of the catalog's database but this connection's own; how many. */
    private static int terminateBackends(String catalog) throws SQLException {
        try (Connection admin = DriverManager.getConnection(catalog);
             PreparedStatement terminate = admin.prepareStatement("select count(pg_terminate_backend(pid)) from "
                     + "pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
             ResultSet terminated = terminate.executeQuery()) {
            terminated.next();
            return terminated.getInt(1);
        }
    }

    private String export(String catalog) throws IOException {
        return CatalogBatchCli.rawExport(catalog, work);
    }
}

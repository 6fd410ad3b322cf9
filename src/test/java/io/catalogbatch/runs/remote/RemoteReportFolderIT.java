package io.catalogbatch.runs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import javax.sql.DataSource;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A worker's report files reach the manager's folder through the database, a committed chunk's bytes only. */
class RemoteReportFolderIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path work;

    @Test
    void the_manager_gets_what_the_workers_commits_carried_and_a_worker_taking_over_starts_from_there()
            throws Exception {
        DataSource database = PostgresDatabases.dataSource(postgres.create());
        RemoteReportFolder.createTable(database);
        String report = work.resolve("manager-report").toString();
        Path scratch = RemoteReportFolder.restore(database, report);
        assertThat(scratch).isEmptyDirectory();

        Path errors = Files.writeString(scratch.resolve("models.errors.csv"), "\uFEFFname,error_line\r\na,2\r\n",
                StandardCharsets.UTF_8);
        commit(database, report, scratch);
        Files.writeString(errors, "b,3\r\n", StandardOpenOption.APPEND);
        Files.writeString(scratch.resolve("spill.bin"), "not a report file");
        commit(database, report, scratch);
        Files.writeString(errors, "c,4\r\n", StandardOpenOption.APPEND);
        rollBack(database, report, scratch);

        Path manager = Files.createDirectories(work.resolve("manager-report"));
        Files.writeString(manager.resolve("models.errors.csv"), "what the manager had before, longer than the rest "
                + "of the file");
        try (Connection connection = database.getConnection()) {
            RemoteReportFolder.write(connection, report, manager);
        }
        assertThat(Files.readString(manager.resolve("models.errors.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFname,error_line\r\na,2\r\nb,3\r\n");
        assertThat(manager.resolve("spill.bin")).doesNotExist();

        Path again = RemoteReportFolder.restore(database, report);
        try {
            assertThat(again).isEqualTo(scratch);
            assertThat(Files.readString(again.resolve("models.errors.csv"), StandardCharsets.UTF_8))
                    .isEqualTo("\uFEFFname,error_line\r\na,2\r\nb,3\r\n");
            assertThat(again.resolve("spill.bin")).doesNotExist();
        } finally {
            FileUtils.deleteQuietly(again.toFile()); // the worker's folder, outside the test's own
        }
    }

    private static void commit(DataSource database, String report, Path scratch) throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            RemoteReportFolder.upload(connection, report, scratch);
            connection.commit();
        }
    }

    private static void rollBack(DataSource database, String report, Path scratch) throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            RemoteReportFolder.upload(connection, report, scratch);
            connection.rollback();
        }
    }
}

package io.catalogbatch.runs.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.io.FileUtils;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The report files a worker writes (errors files, {@code changes.csv}) reach the manager's report folder through the
 * catalog's database, not a shared folder: the worker writes them in a folder of its own
 * ({@link #scratchFor}), as a run on one machine writes its report folder, and each chunk's commit carries what they
 * gained since the last one ({@link Mirror}: the bytes past what the database holds: the rows reported in the
 * chunk's transaction, its changes right after it committed, when the changes file gets them);
 * the manager writes them into its report folder from the database when the step ended ({@link Collect}). A worker
 * that takes a partition on (after a restart, a redelivery, on another machine) first makes its folder what the
 * database holds ({@link #restore}): what was reported before the last commit, as a resumed run on one machine finds
 * its report folder.
 */
public final class RemoteReportFolder {

    static final String TABLE = "catalog_batch_report_part";

    private RemoteReportFolder() {
    }

    /** The worker's own folder for the manager's report folder {@code reportDir}. */
    public static Path scratchFor(String reportDir) {
        return Path.of(System.getProperty("java.io.tmpdir"), "catalog-batch-worker", digest(reportDir));
    }

    /** The table of report parts, made by the manager (under its writer lock) before its partitions run. */
    static void createTable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement create = connection.prepareStatement("create table if not exists " + TABLE
                     + " (report varchar(4000) not null, name varchar(200) not null, start_at bigint not null,"
                     + " content bytea not null, primary key (report, name, start_at))")) {
            create.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the table of report parts in the catalog's database: "
                    + e.getMessage(), e);
        }
    }

    /** Makes the worker's folder for {@code reportDir} what the database holds of it; the folder. */
    public static Path restore(DataSource dataSource, String reportDir) {
        Path scratch = scratchFor(reportDir);
        try (Connection connection = dataSource.getConnection()) {
            FileUtils.deleteDirectory(scratch.toFile());
            Files.createDirectories(scratch);
            write(connection, reportDir, scratch);
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the worker's report folder " + scratch + ": "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the run's report from the catalog's database: "
                    + e.getMessage(), e);
        }
    }

    /** Writes every report file the database holds for {@code reportDir} into {@code folder}, replacing its content. */
    static void write(Connection connection, String reportDir, Path folder) throws SQLException, IOException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select distinct name from " + TABLE
                + " where report = ?")) {
            query.setString(1, reportDir);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        write(connection, reportDir, folder, names);
    }

    /**
     * Writes the report files {@code names} the database holds for {@code reportDir} into {@code folder}, replacing
     * their content (a name it holds nothing of is left alone).
     */
    static void write(Connection connection, String reportDir, Path folder, List<String> names)
            throws SQLException, IOException {
        for (String name : names) {
            if (!holds(connection, reportDir, name)) {
                continue;
            }
            // In place (truncated, not replaced): a file the manager holds open to append to keeps its appends.
            try (OutputStream out = Files.newOutputStream(folder.resolve(name), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 PreparedStatement query = connection.prepareStatement("select content from " + TABLE
                         + " where report = ? and name = ? order by start_at")) {
                query.setString(1, reportDir);
                query.setString(2, name);
                try (ResultSet parts = query.executeQuery()) {
                    while (parts.next()) {
                        try (InputStream part = parts.getBinaryStream(1)) {
                            part.transferTo(out);
                        }
                    }
                }
            }
        }
    }

    private static boolean holds(Connection connection, String reportDir, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select exists(select 1 from " + TABLE
                + " where report = ? and name = ?)")) {
            query.setString(1, reportDir);
            query.setString(2, name);
            try (ResultSet answer = query.executeQuery()) {
                answer.next();
                return answer.getBoolean(1);
            }
        }
    }

    /** Adds to the database what each CSV file of {@code scratch} holds past what the database has of it. */
    static void upload(Connection connection, String reportDir, Path scratch) throws SQLException, IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(scratch)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            long held;
            try (PreparedStatement size = connection.prepareStatement("select coalesce(sum(length(content)), 0)"
                    + " from " + TABLE + " where report = ? and name = ?")) {
                size.setString(1, reportDir);
                size.setString(2, name);
                try (ResultSet answer = size.executeQuery()) {
                    answer.next();
                    held = answer.getLong(1);
                }
            }
            byte[] more = bytesFrom(file, held);
            if (more.length == 0) {
                continue;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                    + " (report, name, start_at, content) values (?, ?, ?, ?)")) {
                insert.setString(1, reportDir);
                insert.setString(2, name);
                insert.setLong(3, held);
                insert.setBytes(4, more);
                insert.executeUpdate();
            }
        }
    }

    private static byte[] bytesFrom(Path file, long position) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= position) {
                return new byte[0];
            }
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - position));
            channel.position(position);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads on
            }
            return buffer.array();
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * On a worker's step: each chunk's commit carries the report files' new bytes (in the chunk's transaction, so a
     * rolled-back chunk adds nothing); the step's end, what its last listeners wrote.
     */
    public static final class Mirror implements StepExecutionListener, ChunkListener<Object, Object> {

        private final DataSource dataSource;
        private final String reportDir;

        public Mirror(DataSource dataSource, String reportDir) {
            this.dataSource = dataSource;
            this.reportDir = reportDir;
        }

        /**
         * In the chunk's transaction: the rows it reported. Once it committed: its changes, which
         * {@code changes.csv} gets only then (registered after the changes file's own synchronization, so it runs
         * after it), on a connection of its own, as a run on one machine appends them right after the commit.
         */
        @Override
        public void afterChunk(Chunk<Object> chunk) {
            Connection connection = DataSourceUtils.getConnection(dataSource); // the chunk's
            try {
                sync(connection);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status == STATUS_COMMITTED) {
                            syncAlone();
                        }
                    }
                });
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            syncAlone();
            return null;
        }

        private void syncAlone() {
            try (Connection connection = dataSource.getConnection()) {
                sync(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot hand the report to the manager through the catalog's"
                        + " database: " + e.getMessage(), e);
            }
        }

        private void sync(Connection connection) {
            try {
                upload(connection, reportDir, scratchFor(reportDir));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot hand the report to the manager through the catalog's"
                        + " database: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the worker's report folder: " + e.getMessage(), e);
            }
        }
    }

    /**
     * On the manager's step: makes the table before the partitions run, and writes the report files into the
     * report folder when they ended; then {@code whenCompleted} (the errors files put in line order) unless the step
     * failed.
     */
    public static final class Collect implements StepExecutionListener {

        /** What to do with the report folder once the step completed. */
        public interface Finish {
            void accept(Path folder) throws IOException;
        }

        private final DataSource dataSource;
        private final Path folder;
        private final List<String> names;
        private final Finish whenCompleted;

        /**
         * {@code names}: the report files the step's partitions write (another step's, written and finished when that
         * step ended, are left alone).
         */
        public Collect(DataSource dataSource, Path folder, List<String> names, Finish whenCompleted) {
            this.dataSource = dataSource;
            this.folder = folder;
            this.names = List.copyOf(names);
            this.whenCompleted = whenCompleted;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            createTable(dataSource);
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            try (Connection connection = dataSource.getConnection()) {
                write(connection, folder.toString(), folder, names);
                // As the step on one machine does (its status is only settled after its listeners).
                if (stepExecution.getFailureExceptions().isEmpty() && !stepExecution.getStatus().isUnsuccessful()) {
                    whenCompleted.accept(folder);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the workers' report from the catalog's database: "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report folder " + folder + ": " + e.getMessage(), e);
            }
            return null;
        }
    }
}

package io.catalogbatch.runs.remote;

import io.catalogbatch.runs.WriterLock;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A worker writes only under its manager's writer lock: before each chunk of a partition commits, it checks that
 * the session the run recorded ({@link WriterLock#SESSION_PARAMETER}) still holds the catalog's writer lock. When
 * the manager was killed (or lost its connection), the chunk is rolled back and the partition fails, so that
 * another run, which may now take the lock, never interleaves with a worker of a dead one; running the same import
 * again resumes the partition from its last commit.
 */
public final class ManagerAlive implements StepExecutionListener, ChunkListener<Object, Object> {

    private final DataSource dataSource;
    private Long session;

    public ManagerAlive(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        session = stepExecution.getJobParameters().getLong(WriterLock.SESSION_PARAMETER);
    }

    /** Just before the chunk's transaction commits. */
    @Override
    public void afterChunk(Chunk<Object> chunk) {
        // The chunk's own connection: no second one from the pool while the chunk holds one.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (session == null || !WriterLock.heldBy(connection, session)) {
                throw new ManagerGone();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check that the import's manager still runs: " + e.getMessage(),
                    e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The manager of the partition's run no longer holds the writer lock. */
    public static final class ManagerGone extends IllegalStateException {
        ManagerGone() {
            super("the import's manager no longer holds the catalog's writer lock (it was stopped or killed): this"
                    + " partition stops at its last commit; running the same import again resumes it");
        }
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** A catalog kept in a database (H2 file by default): one table, searched in SQL. */
public final class JdbcCatalog implements CatalogStore, CatalogQueries {

    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final CatalogDialect dialect;
    private final StagedWrites staged;
    private final SideReader sideReader = new SideReader();
    /**
     * An earlier version's catalog (not case-folded, or a PostgreSQL one of the plain layout), opened by a command
     * that does not write: read whole and folded in memory, else null.
     */
    private final UnfoldedCatalog unfolded;

    /**
     * What opening a catalog database does to it. WRITE: creates the table when missing, brings an earlier layout
     * to this one. READ: creates it when missing, but folds an earlier version's keys and tags in memory only.
     * SOURCE (a migration's source): creates nothing, moves the first layout's tags, folds in memory. AS_IS (a dry
     * run's): changes nothing, folds in memory.
     */
    private enum Opening { WRITE, READ, SOURCE, AS_IS }

    /**
     * The catalog database, for a command that writes: the table is created when missing, and a catalog of an
     * earlier layout brought to this one (tags in a table of their own, keys and tags not case-folded).
     */
    public JdbcCatalog(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this(dataSource, transactionManager, Opening.WRITE);
    }

    private JdbcCatalog(DataSource dataSource, PlatformTransactionManager transactionManager, Opening opening) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = CatalogDialect.of(jdbc);
        this.staged = new StagedWrites(jdbc, dialect, transactionManager, sideReader);
        H2PageCache.enlarge(jdbc);
        boolean folded = switch (opening) {
            case WRITE, READ -> CatalogSchema.create(jdbc, dialect, transactionManager);
            case SOURCE -> {
                CatalogSchema.upgrade(jdbc, transactionManager);
                yield CatalogSchema.has(jdbc, CatalogSchema.CASE_FOLDED);
            }
            case AS_IS -> !CatalogSchema.tableExists(jdbc, "catalog_model")
                    || CatalogSchema.has(jdbc, CatalogSchema.CASE_FOLDED);
        };
        if (opening == Opening.WRITE) {
            if (!folded) {
                CaseFoldingUpgrade.run(jdbc, transactionManager);
            }
            dialect.upgrade(jdbc, transactionManager); // after the folding, which reads and writes the plain layout
        }
        boolean current = opening == Opening.WRITE || folded && (!CatalogSchema.tableExists(jdbc, "catalog_model")
                || dialect.isCurrent(jdbc));
        this.unfolded = current ? null : UnfoldedCatalog.read(jdbc);
    }

    /**
     * The catalog database, for a command that only reads it (search, export): the table is created
     * when missing, as for {@link #JdbcCatalog(DataSource, PlatformTransactionManager) writing}, but keys and
     * tags an earlier version did not case-fold are folded in memory, not in the database.
     */
    public static JdbcCatalog forReading(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcCatalog(dataSource, transactionManager, Opening.READ);
    }

    /**
     * A catalog database that must already exist (a migration's source): nothing is created in it, but a
     * catalog of the first layout is brought to the second (tags in the models' table); keys and tags an earlier
     * version did not case-fold are folded in memory.
     */
    public static JdbcCatalog existing(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcCatalog(dataSource, transactionManager, Opening.SOURCE);
    }

    /**
     * A catalog database only read (a dry run's): its tables are taken as they are; keys and tags an earlier
     * version did not case-fold are folded in memory.
     */
    public static JdbcCatalog readOnly(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcCatalog(dataSource, transactionManager, Opening.AS_IS);
    }

    /** A unit of work for one thread; it joins the surrounding transaction of this data source. */
    @Override
    public JdbcCatalogUnitOfWork unitOfWork() {
        if (unfolded != null) {
            throw new IllegalStateException("a catalog of an earlier version was opened for reading");
        }
        return new JdbcCatalogUnitOfWork(jdbc, dialect, staged);
    }

    @Override
    public void prefetch(Collection<String> keys) {
        if (unfolded == null) {
            staged.prefetch(keys);
        }
    }

    @Override
    public CatalogQueries queries() {
        return this;
    }

    /**
     * Every commit is already in the database, whose connections Spring owns: only the side reader ends, after the
     * dialect's tidying of a table that was written ({@link CatalogDialect#afterWrites}).
     */
    @Override
    public void close() {
        try {
            if (staged.wrote()) {
                dialect.afterWrites(jdbc);
            }
        } finally {
            sideReader.close();
        }
    }

    @Override
    public List<SearchHit> search(ModelQuery query) {
        return unfolded != null ? unfolded.search(query) : new JdbcModelSearch(jdbc, dialect).search(query);
    }

    @Override
    public Optional<ModelSnapshot> find(String key) {
        return unfolded != null ? unfolded.find(key) : new JdbcModels(jdbc, dialect, staged).get(key).map(Model::snapshot);
    }

    @Override
    public Set<String> storedAmong(Collection<String> keys) {
        if (unfolded != null) {
            return unfolded.storedAmong(keys);
        }
        Set<String> stored = new HashSet<>();
        KeySlices.forEach(keys, (slice, condition) -> jdbc.query(connection -> {
            PreparedStatement query = connection.prepareStatement("select name_key from catalog_model where "
                    + condition);
            dialect.planWithValues(query); // the same look-up as the read-ahead's, repeated as the table grows
            for (int i = 0; i < slice.size(); i++) {
                query.setString(i + 1, slice.get(i));
            }
            return query;
        }, rs -> {
            stored.add(rs.getString(1));
        }));
        return stored;
    }

    @Override
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        if (unfolded != null) {
            return unfolded.modelsAfter(afterKey, limit);
        }
        String order = dialect.orderColumn();
        return jdbc.query("select " + dialect.modelColumns() + " from catalog_model where " + order + " > ? order by "
                + order + " limit " + limit, (rs, n) -> JdbcModels.snapshot(rs), dialect.orderValue(afterKey));
    }

    @Override
    public void deleteAll() {
        if (unfolded != null) {
            throw new IllegalStateException("a catalog of an earlier version was opened for reading");
        }
        jdbc.update("delete from catalog_model");
    }

    @Override
    public long countModels() {
        if (unfolded != null) {
            return unfolded.countModels();
        }
        Long count = jdbc.queryForObject("select count(*) from catalog_model", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Streams the models in key order, a page of rows at a time, so memory stays flat whatever the size: in a
     * transaction, without which PgJDBC reads the whole result before the first row. One statement, so on
     * PostgreSQL one snapshot: the catalog after some number of whole chunks of an import that runs meanwhile.
     */
    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        if (unfolded != null) {
            unfolded.forEachModel(action);
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select " + dialect.modelColumns() + " from catalog_model order by " + dialect.orderColumn())) {
            query.setFetchSize(FETCH_SIZE);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    action.accept(JdbcModels.snapshot(rows));
                }
            } finally {
                connection.rollback(); // it only read
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog database: " + e.getMessage(), e);
        }
    }
}

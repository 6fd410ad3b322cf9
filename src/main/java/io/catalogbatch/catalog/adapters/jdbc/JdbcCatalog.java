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
    private final StagedWrites staged;
    private final SideReader sideReader = new SideReader();

    /** What opening a catalog database does to its tables. */
    private enum Opening { CREATE, UPGRADE, AS_IS }

    public JdbcCatalog(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this(dataSource, transactionManager, Opening.CREATE);
    }

    private JdbcCatalog(DataSource dataSource, PlatformTransactionManager transactionManager, Opening opening) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.staged = new StagedWrites(jdbc, transactionManager, sideReader);
        H2PageCache.enlarge(jdbc);
        switch (opening) {
            case CREATE -> CatalogSchema.create(jdbc, transactionManager);
            case UPGRADE -> CatalogSchema.upgrade(jdbc, transactionManager);
            case AS_IS -> { }
        }
    }

    /**
     * A catalog database that must already exist (a migration's source): nothing is created in it, but a
     * catalog of an older layout is brought to this one.
     */
    public static JdbcCatalog existing(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcCatalog(dataSource, transactionManager, Opening.UPGRADE);
    }

    /** A catalog database only read (a dry run's): its tables are taken as they are. */
    public static JdbcCatalog readOnly(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcCatalog(dataSource, transactionManager, Opening.AS_IS);
    }

    /** A unit of work for one thread; it joins the surrounding transaction of this data source. */
    @Override
    public JdbcCatalogUnitOfWork unitOfWork() {
        return new JdbcCatalogUnitOfWork(jdbc, staged);
    }

    @Override
    public void prefetch(Collection<String> keys) {
        staged.prefetch(keys);
    }

    @Override
    public CatalogQueries queries() {
        return this;
    }

    /** Every commit is already in the database, whose connections Spring owns: only the side reader ends. */
    @Override
    public void close() {
        sideReader.close();
    }

    @Override
    public List<SearchHit> search(ModelQuery query) {
        return new JdbcModelSearch(jdbc).search(query);
    }

    @Override
    public Optional<ModelSnapshot> find(String key) {
        return new JdbcModels(jdbc, staged).get(key).map(Model::snapshot);
    }

    @Override
    public Set<String> storedAmong(Collection<String> keys) {
        Set<String> stored = new HashSet<>();
        KeySlices.forEach(keys, (slice, condition) -> stored.addAll(jdbc.queryForList(
                "select name_key from catalog_model where " + condition, String.class, slice.toArray())));
        return stored;
    }

    @Override
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        return jdbc.query("select " + CatalogSchema.MODEL_COLUMNS + " from catalog_model"
                + " where name_key > ? order by name_key limit " + limit, (rs, n) -> JdbcModels.snapshot(rs), afterKey);
    }

    @Override
    public void deleteAll() {
        jdbc.update("delete from catalog_model");
    }

    @Override
    public long countModels() {
        Long count = jdbc.queryForObject("select count(*) from catalog_model", Long.class);
        return count == null ? 0 : count;
    }

    /** Streams the models in key order, a page of rows at a time, so memory stays flat whatever the size. */
    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select " + CatalogSchema.MODEL_COLUMNS + " from catalog_model order by name_key")) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    action.accept(JdbcModels.snapshot(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog database: " + e.getMessage(), e);
        }
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A catalog kept in a database (H2 file by default): two tables, searched in SQL. */
public final class JdbcCatalog implements CatalogStore, CatalogQueries {

    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;
    private final StagedWrites staged;

    public JdbcCatalog(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this(dataSource, transactionManager, true);
    }

    private JdbcCatalog(DataSource dataSource, PlatformTransactionManager transactionManager, boolean createSchema) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = transactionManager;
        this.staged = new StagedWrites(jdbc, transactionManager);
        if (createSchema) {
            CatalogSchema.create(jdbc);
        }
    }

    /** A catalog database that must already exist (a migration's source): nothing is created in it. */
    public static JdbcCatalog existing(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcCatalog(dataSource, transactionManager, false);
    }

    /** A unit of work for one thread; it joins the surrounding transaction of this data source. */
    @Override
    public JdbcCatalogUnitOfWork unitOfWork() {
        return new JdbcCatalogUnitOfWork(jdbc, staged);
    }

    @Override
    public CatalogQueries queries() {
        return this;
    }

    /** Nothing to do: every commit is already in the database, whose connections Spring owns. */
    @Override
    public void close() {
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
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        List<ModelSnapshot> page = jdbc.query("select " + CatalogSchema.MODEL_COLUMNS + " from catalog_model"
                + " where name_key > ? order by name_key limit " + limit, (rs, n) -> JdbcModels.snapshot(rs, List.of()),
                afterKey);
        if (page.isEmpty()) {
            return page;
        }
        Map<String, List<Tag>> tags = new HashMap<>();
        jdbc.query("select name_key, tag from catalog_model_tag where name_key > ? and name_key <= ?"
                        + " order by name_key, tag",
                rs -> {
                    tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Tag.stored(rs.getString(2)));
                }, afterKey, page.get(page.size() - 1).key());
        return page.stream().map(m -> new ModelSnapshot(m.name(), m.details(), m.status(), m.revision(),
                new TreeSet<>(tags.getOrDefault(m.key(), List.of())))).toList();
    }

    /** Empties the catalog's two tables, in one transaction. */
    @Override
    public void deleteAll() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update("delete from catalog_model_tag");
            jdbc.update("delete from catalog_model");
        });
    }

    @Override
    public long countModels() {
        Long count = jdbc.queryForObject("select count(*) from catalog_model", Long.class);
        return count == null ? 0 : count;
    }

    /** Streams models and tags side by side, both in key order, so memory stays flat whatever the size. */
    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        try (Connection models = dataSource.getConnection();
             Connection tags = dataSource.getConnection();
             PreparedStatement modelQuery = models.prepareStatement(
                     "select " + CatalogSchema.MODEL_COLUMNS + " from catalog_model order by name_key");
             PreparedStatement tagQuery = tags.prepareStatement(
                     "select name_key, tag from catalog_model_tag order by name_key, tag")) {
            modelQuery.setFetchSize(FETCH_SIZE);
            tagQuery.setFetchSize(FETCH_SIZE);
            try (ResultSet modelRows = modelQuery.executeQuery(); ResultSet tagRows = tagQuery.executeQuery()) {
                TagCursor cursor = new TagCursor(tagRows);
                while (modelRows.next()) {
                    action.accept(JdbcModels.snapshot(modelRows, cursor.tagsOf(modelRows.getString("name_key"))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog database: " + e.getMessage(), e);
        }
    }

    /** Walks the key-ordered tag rows alongside the key-ordered models. */
    private static final class TagCursor {
        private final ResultSet rows;
        private boolean onRow;

        TagCursor(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.onRow = rows.next();
        }

        List<Tag> tagsOf(String key) throws SQLException {
            List<Tag> tags = new ArrayList<>();
            while (onRow && rows.getString(1).compareTo(key) < 0) {
                onRow = rows.next();
            }
            while (onRow && rows.getString(1).equals(key)) {
                tags.add(Tag.stored(rows.getString(2)));
                onRow = rows.next();
            }
            return tags;
        }
    }
}

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
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** A catalog kept in a database (H2 file by default): two tables, searched in SQL. */
public final class JdbcCatalog implements CatalogStore, CatalogQueries {

    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;

    public JdbcCatalog(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = transactionManager;
        CatalogSchema.create(jdbc);
    }

    /** A unit of work for one thread; it joins the surrounding transaction of this data source. */
    @Override
    public JdbcCatalogUnitOfWork unitOfWork() {
        return new JdbcCatalogUnitOfWork(jdbc, transactionManager);
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
        return new JdbcModels(jdbc).get(key).map(Model::snapshot);
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
                tags.add(new Tag(rows.getString(2)));
                onRow = rows.next();
            }
            return tags;
        }
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.service.Models;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/** The models of a database catalog: the chunk's staged model, else as the chunk read it ahead, else its row. */
final class JdbcModels extends Models {

    private final JdbcTemplate jdbc;
    private final String model;
    private final StagedWrites staged;

    JdbcModels(JdbcTemplate jdbc, CatalogDialect dialect, StagedWrites staged) {
        this.jdbc = jdbc;
        this.model = "select " + dialect.modelColumns() + " from catalog_model where name_key = ?";
        this.staged = staged;
    }

    @Override
    protected Optional<Model> load(String key) {
        Optional<ModelSnapshot> stagedModel = staged.find(key);
        if (stagedModel.isPresent()) {
            return stagedModel.map(Model::fromSnapshot);
        }
        Optional<ModelSnapshot> prefetched = staged.prefetched(key);
        if (prefetched != null) {
            return prefetched.map(Model::fromSnapshot);
        }
        List<ModelSnapshot> found = jdbc.query(model, (rs, n) -> snapshot(rs), key);
        return found.stream().findFirst().map(Model::fromSnapshot);
    }

    /**
     * The model of a row whose first columns are {@link CatalogDialect#modelColumns}, taken by position (by
     * name, H2 upper-cases each name to look it up: a few per cent of a re-import).
     */
    static ModelSnapshot snapshot(ResultSet rs) throws SQLException {
        return snapshot(rs, TagsColumn::parse);
    }

    /** The same, with the tags column read by {@code tags} (an earlier version's tags need folding). */
    static ModelSnapshot snapshot(ResultSet rs, Function<String, SortedTags> tags) throws SQLException {
        ModelDetails details = new ModelDetails(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), CreatedColumn.read(rs.getString(8)), rs.getString(10));
        return new ModelSnapshot(ModelName.of(rs.getString(2)), details, Status.of(rs.getString(9)), rs.getLong(11),
                tags.apply(rs.getString(12)));
    }
}

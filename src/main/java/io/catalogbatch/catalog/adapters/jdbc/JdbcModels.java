package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.service.Models;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The models of a database catalog: the chunk's staged model, else one row read by its key. */
final class JdbcModels extends Models {

    private static final String MODEL = "select " + CatalogSchema.MODEL_COLUMNS
            + " from catalog_model where name_key = ?";

    private final JdbcTemplate jdbc;
    private final StagedWrites staged;

    JdbcModels(JdbcTemplate jdbc, StagedWrites staged) {
        this.jdbc = jdbc;
        this.staged = staged;
    }

    @Override
    protected Optional<Model> load(String key) {
        Optional<ModelSnapshot> stagedModel = staged.find(key);
        if (stagedModel.isPresent()) {
            return stagedModel.map(Model::fromSnapshot);
        }
        List<ModelSnapshot> found = jdbc.query(MODEL, (rs, n) -> snapshot(rs), key);
        return found.stream().findFirst().map(Model::fromSnapshot);
    }

    static ModelSnapshot snapshot(ResultSet rs) throws SQLException {
        ModelDetails details = new ModelDetails(rs.getString("description"), rs.getString("task"),
                rs.getString("framework"), rs.getString("license"), rs.getString("url"), rs.getString("created"),
                rs.getString("successor"));
        return new ModelSnapshot(ModelName.of(rs.getString("name")), details, Status.of(rs.getString("status")),
                rs.getLong("revision"), TagsColumn.parse(rs.getString("tags")));
    }
}

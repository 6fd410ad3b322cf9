package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.Models;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** The models of a database catalog; remembers the tags each had when loaded, to write only the difference. */
final class JdbcModels extends Models {

    private final JdbcTemplate jdbc;
    private final Map<String, Set<Tag>> loadedTags = new HashMap<>();

    JdbcModels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected Optional<Model> load(String key) {
        List<ModelSnapshot> found = jdbc.query("select " + CatalogSchema.MODEL_COLUMNS
                + " from catalog_model where name_key = ?", (rs, n) -> snapshot(rs, tagsOf(key)), key);
        found.forEach(model -> loadedTags.put(key, model.tags()));
        return found.stream().findFirst().map(Model::fromSnapshot);
    }

    Set<Tag> loadedTags(String key) {
        return loadedTags.getOrDefault(key, Set.of());
    }

    void forgetLoaded() {
        loadedTags.clear();
    }

    private Set<Tag> tagsOf(String key) {
        return new TreeSet<>(jdbc.query("select tag from catalog_model_tag where name_key = ?",
                (rs, n) -> new Tag(rs.getString(1)), key));
    }

    static ModelSnapshot snapshot(ResultSet rs, Collection<Tag> tags) throws SQLException {
        ModelDetails details = new ModelDetails(rs.getString("description"), rs.getString("task"),
                rs.getString("framework"), rs.getString("license"), rs.getString("url"), rs.getString("created"),
                rs.getString("successor"));
        return new ModelSnapshot(ModelName.of(rs.getString("name")), details, Status.of(rs.getString("status")),
                rs.getLong("revision"), new TreeSet<>(tags));
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.Models;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** The models of a database catalog; remembers the tags each had when loaded, to write only the difference. */
final class JdbcModels extends Models {

    private static final String MODEL_WITH_TAGS = "select "
            + Arrays.stream(CatalogSchema.MODEL_COLUMNS.split(", ")).map(c -> "m." + c).collect(Collectors.joining(", "))
            + ", t.tag from catalog_model m left join catalog_model_tag t on t.name_key = m.name_key"
            + " where m.name_key = ?";

    private final JdbcTemplate jdbc;
    private final StagedWrites staged;
    private final Map<String, Set<Tag>> loadedTags = new HashMap<>();

    JdbcModels(JdbcTemplate jdbc, StagedWrites staged) {
        this.jdbc = jdbc;
        this.staged = staged;
    }

    /** The model as this chunk staged it, or as the database holds it: one query for the row and its tags. */
    @Override
    protected Optional<Model> load(String key) {
        Optional<ModelSnapshot> stagedModel = staged.find(key);
        if (stagedModel.isPresent()) {
            return stagedModel.map(Model::fromSnapshot);
        }
        Optional<ModelSnapshot> found = Optional.ofNullable(jdbc.query(MODEL_WITH_TAGS, rs -> {
            if (!rs.next()) {
                return null;
            }
            List<Tag> tags = new ArrayList<>();
            ModelSnapshot model = snapshot(rs, List.of());
            do {
                String tag = rs.getString("tag");
                if (tag != null) {
                    tags.add(Tag.stored(tag));
                }
            } while (rs.next());
            return new ModelSnapshot(model.name(), model.details(), model.status(), model.revision(),
                    SortedTags.copyOf(tags));
        }, key));
        found.ifPresent(model -> loadedTags.put(key, model.tags()));
        return found.map(Model::fromSnapshot);
    }

    /** The tags the database held for the model when this unit of work read it (none for a new model). */
    Set<Tag> loadedTags(String key) {
        return loadedTags.getOrDefault(key, Set.of());
    }

    void forgetLoaded() {
        loadedTags.clear();
    }

    static ModelSnapshot snapshot(ResultSet rs, Collection<Tag> tags) throws SQLException {
        ModelDetails details = new ModelDetails(rs.getString("description"), rs.getString("task"),
                rs.getString("framework"), rs.getString("license"), rs.getString("url"), rs.getString("created"),
                rs.getString("successor"));
        return new ModelSnapshot(ModelName.of(rs.getString("name")), details, Status.of(rs.getString("status")),
                rs.getLong("revision"), SortedTags.copyOf(tags));
    }
}

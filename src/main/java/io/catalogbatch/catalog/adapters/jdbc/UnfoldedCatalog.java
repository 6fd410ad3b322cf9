package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.InMemorySearch;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A catalog database of an earlier version (keys and tags lower-cased, no caseless columns; or on PostgreSQL, the
 * plain layout of {@link PlainDialect}), opened by a command that must not change it (search, export, a dry run, a
 * migration's source): read whole and folded in memory, as a folder catalog is, so that it answers as it will once
 * a command that writes has upgraded it ({@link CaseFoldingUpgrade}, {@link TypedLayoutUpgrade}). Two names that fold to one key make it unreadable, as they stop the upgrade.
 */
final class UnfoldedCatalog implements CatalogQueries {

    private static final int PAGE = 1_000;

    private final TreeMap<String, ModelSnapshot> models = new TreeMap<>();

    private UnfoldedCatalog() {
    }

    static UnfoldedCatalog read(JdbcTemplate jdbc) {
        UnfoldedCatalog catalog = new UnfoldedCatalog();
        String after = "";
        for (List<Object[]> page = page(jdbc, after); !page.isEmpty(); page = page(jdbc, after)) {
            for (Object[] row : page) {
                ModelSnapshot model = (ModelSnapshot) row[1];
                ModelSnapshot other = catalog.models.put(model.key(), model);
                if (other != null) {
                    throw CaseFoldingUpgrade.collision(other.name().display(), model.name().display());
                }
                after = (String) row[0];
            }
        }
        return catalog;
    }

    /** The stored key (to page on) and the model, folded. */
    private static List<Object[]> page(JdbcTemplate jdbc, String after) {
        return jdbc.query("select " + PlainDialect.MODEL_COLUMNS + " from catalog_model where name_key > ?"
                        + " order by name_key limit " + PAGE,
                (rs, n) -> new Object[] {rs.getString(1), JdbcModels.snapshot(rs, TagsColumn::parseUnfolded)}, after);
    }

    @Override
    public List<SearchHit> search(ModelQuery query) {
        return InMemorySearch.search(models.values(), query);
    }

    @Override
    public Optional<ModelSnapshot> find(String key) {
        return Optional.ofNullable(models.get(key));
    }

    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        models.values().forEach(action);
    }

    @Override
    public long countModels() {
        return models.size();
    }

    @Override
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        List<ModelSnapshot> page = new ArrayList<>(Math.min(limit, models.size()));
        for (ModelSnapshot model : models.tailMap(afterKey, false).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(model);
        }
        return page;
    }
}

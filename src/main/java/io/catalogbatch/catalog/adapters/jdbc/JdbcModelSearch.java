package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** The search of SPEC §1 in SQL: filters, order and page run in the database, on its indexes. */
final class JdbcModelSearch {

    private static final int TAG_QUERY_SLICE = 1_000;

    private final JdbcTemplate jdbc;

    JdbcModelSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchHit> search(ModelQuery query) {
        StringBuilder sql = new StringBuilder("select " + CatalogSchema.MODEL_COLUMNS + " from catalog_model m where ");
        List<Object> args = new ArrayList<>();
        sql.append("m.status in (").append(marks(query.statuses().size())).append(')');
        query.statuses().stream().map(Status::code).sorted().forEach(args::add);
        for (Tag tag : query.all()) {
            sql.append(" and exists (select 1 from catalog_model_tag t where t.name_key = m.name_key and t.tag = ?)");
            args.add(tag.value());
        }
        tagSet(sql, args, " and exists", query.any());
        tagSet(sql, args, " and not exists", query.none());
        if (!query.prefix().isEmpty()) {
            sql.append(" and exists (select 1 from catalog_model_tag t where t.name_key = m.name_key"
                    + " and t.tag >= ? and t.tag < ?)");
            args.add(query.prefix());
            args.add(query.prefix() + Character.MAX_VALUE);
        }
        word(sql, args, "task", query.task());
        word(sql, args, "framework", query.framework());
        word(sql, args, "license", query.license());
        if (!query.text().isEmpty()) {
            sql.append(" and (position(? in lower(m.name)) > 0 or position(? in lower(m.description)) > 0)");
            String text = query.text().toLowerCase(Locale.ROOT);
            args.add(text);
            args.add(text);
        }
        sql.append(" order by ").append(order(query));
        if (query.limit() != ModelQuery.NO_LIMIT) {
            sql.append(" limit ").append(query.limit());
        }
        sql.append(" offset ").append(query.offset());
        List<ModelSnapshot> page = jdbc.query(sql.toString(),
                (rs, n) -> JdbcModels.snapshot(rs, Set.of()), args.toArray());
        Map<String, List<Tag>> tags = tagsOf(page.stream().map(ModelSnapshot::key).toList());
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            ModelSnapshot model = page.get(i);
            ModelSnapshot tagged = new ModelSnapshot(model.name(), model.details(), model.status(), model.revision(),
                    new TreeSet<>(tags.getOrDefault(model.key(), List.of())));
            hits.add(SearchHit.of(query.offset() + i + 1L, tagged, query));
        }
        return hits;
    }

    private static void tagSet(StringBuilder sql, List<Object> args, String clause, Set<Tag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        sql.append(clause).append(" (select 1 from catalog_model_tag t where t.name_key = m.name_key and t.tag in (")
                .append(marks(tags.size())).append("))");
        tags.forEach(tag -> args.add(tag.value()));
    }

    private static void word(StringBuilder sql, List<Object> args, String column, String value) {
        if (!value.isEmpty()) {
            sql.append(" and lower(m.").append(column).append(") = ?");
            args.add(value.toLowerCase(Locale.ROOT));
        }
    }

    private static String order(ModelQuery query) {
        String direction = query.descending() ? " desc" : " asc";
        return switch (query.sort()) {
            case NAME -> "m.name_key" + direction;
            case CREATED -> "case when m.created = '' then 1 else 0 end, m.created" + direction + ", m.name_key";
            case REVISION -> "m.revision" + direction + ", m.name_key";
        };
    }

    private Map<String, List<Tag>> tagsOf(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, List<Tag>> tags = new HashMap<>();
        List<String> all = List.copyOf(keys);
        // In slices: databases limit the parameters of one statement (PostgreSQL: 32,767).
        for (int from = 0; from < all.size(); from += TAG_QUERY_SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + TAG_QUERY_SLICE));
            jdbc.query("select name_key, tag from catalog_model_tag where name_key in (" + marks(slice.size())
                            + ") order by name_key, tag",
                    rs -> {
                        tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Tag.stored(rs.getString(2)));
                    }, slice.toArray());
        }
        return tags;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}

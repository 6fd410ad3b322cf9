package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search of SPEC §1 in SQL: filters, order and page run in the database. Caseless filters compare the forms
 * Java folded ({@link CaselessColumns}), never SQL's {@code lower()}, so H2, PostgreSQL and the folder store agree.
 */
final class JdbcModelSearch {

    /** The model has a tag that matches the pattern (see {@link TagsColumn}). */
    private static final String HAS = "position(? in " + TagsColumn.FENCED + ") > 0";

    private final JdbcTemplate jdbc;

    JdbcModelSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchHit> search(ModelQuery query) {
        StringBuilder sql = new StringBuilder("select " + CatalogSchema.MODEL_COLUMNS + " from catalog_model m where ");
        List<Object> args = new ArrayList<>();
        sql.append("m.status in (").append(KeySlices.marks(query.statuses().size())).append(')');
        query.statuses().stream().map(Status::code).sorted().forEach(args::add);
        for (Tag tag : query.all()) {
            sql.append(" and ").append(HAS);
            args.add(TagsColumn.whole(tag));
        }
        anyOf(sql, args, " and ", query.any());
        anyOf(sql, args, " and not ", query.none());
        if (!query.prefix().isEmpty()) {
            sql.append(" and ").append(HAS);
            args.add(TagsColumn.startingWith(query.prefix()));
        }
        word(sql, args, "task", query.task());
        word(sql, args, "framework", query.framework());
        word(sql, args, "license", query.license());
        if (!query.text().isEmpty()) {
            sql.append(" and (position(? in ").append(CaselessColumns.of("name")).append(") > 0 or position(? in ")
                    .append(CaselessColumns.of("description")).append(") > 0)");
            args.add(query.text());
            args.add(query.text());
        }
        sql.append(" order by ").append(order(query));
        if (query.limit() != ModelQuery.NO_LIMIT) {
            sql.append(" limit ").append(query.limit());
        }
        sql.append(" offset ").append(query.offset());
        List<ModelSnapshot> page = jdbc.query(sql.toString(), (rs, n) -> JdbcModels.snapshot(rs), args.toArray());
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            hits.add(SearchHit.of(query.offset() + i + 1L, page.get(i), query));
        }
        return hits;
    }

    /** {@code (has a or has b ...)}, after {@code clause}. */
    private static void anyOf(StringBuilder sql, List<Object> args, String clause, Set<Tag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        sql.append(clause).append('(').append(String.join(" or ", Collections.nCopies(tags.size(), HAS))).append(')');
        tags.forEach(tag -> args.add(TagsColumn.whole(tag)));
    }

    /** {@code value}: in its caseless form already, as {@link ModelQuery} keeps it. */
    private static void word(StringBuilder sql, List<Object> args, String column, String value) {
        if (!value.isEmpty()) {
            sql.append(" and ").append(CaselessColumns.of(column)).append(" = ?");
            args.add(value);
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
}

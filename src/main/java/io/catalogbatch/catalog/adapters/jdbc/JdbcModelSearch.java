package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search of SPEC §1 in SQL: filters, order and page run in the database. Caseless filters compare the forms
 * Java folded ({@link CaselessColumns}), never SQL's {@code lower()}, so H2, PostgreSQL and the folder store agree.
 */
final class JdbcModelSearch {

    private final JdbcTemplate jdbc;
    private final CatalogDialect dialect;

    JdbcModelSearch(JdbcTemplate jdbc, CatalogDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    List<SearchHit> search(ModelQuery query) {
        StringBuilder sql = new StringBuilder("select " + dialect.modelColumns() + " from catalog_model m where ");
        List<Object> args = new ArrayList<>();
        sql.append("m.status in (").append(KeySlices.marks(query.statuses().size())).append(')');
        query.statuses().stream().map(Status::code).sorted().forEach(args::add);
        if (!query.all().isEmpty()) {
            sql.append(" and ").append(dialect.hasAll(query.all(), args));
        }
        if (!query.any().isEmpty()) {
            sql.append(" and ").append(dialect.hasAny(query.any(), args));
        }
        if (!query.none().isEmpty()) {
            sql.append(" and not ").append(dialect.hasAny(query.none(), args));
        }
        if (!query.prefix().isEmpty()) {
            sql.append(" and ").append(dialect.hasPrefix(query.prefix(), args));
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

    /** {@code value}: in its caseless form already, as {@link ModelQuery} keeps it. */
    private static void word(StringBuilder sql, List<Object> args, String column, String value) {
        if (!value.isEmpty()) {
            sql.append(" and ").append(CaselessColumns.of(column)).append(" = ?");
            args.add(value);
        }
    }

    private String order(ModelQuery query) {
        String direction = query.descending() ? " desc" : " asc";
        String key = "m." + dialect.orderColumn();
        return switch (query.sort()) {
            case NAME -> key + direction;
            case CREATED -> "case when " + dialect.createdUnknown() + " then 1 else 0 end, m.created" + direction
                    + ", " + key;
            case REVISION -> "m.revision" + direction + ", " + key;
        };
    }
}

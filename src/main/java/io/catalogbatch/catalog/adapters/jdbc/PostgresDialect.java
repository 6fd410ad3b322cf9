package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Tag;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The layout a PostgreSQL user recognises: {@code created} a {@code date} (null when unknown), {@code status}
 * checked against its three values, the tags a {@code text[]} under a GIN index (so {@code tags @> '{nlp}'} and
 * the search's {@code --all}, {@code --any}, {@code --none} read the index), and a view {@code catalog_models} for
 * SQL and BI tools. One row per model still: a table of tags would cost a write into two more B-trees per tag
 * (docs/architecture.md); a GIN index batches its entries in a pending list, and {@code COPY} loads an array column
 * as it loads any other.
 *
 * <p>Order: SPEC §8 orders by UTF-16 code units, which no PostgreSQL collation does ({@code "C"} is code-point
 * order: it puts U+E000..U+FFFF after the characters beyond U+FFFF, Java before them). {@code name_order} holds the
 * key in UTF-16BE, whose bytes {@code bytea} compares in exactly that order, under an index of its own; the key
 * itself is {@code collate "C"}, compared byte by byte whatever the database's collation, for lookups.
 */
final class PostgresDialect implements CatalogDialect {

    /** The feature of {@code catalog_layout} of a table in this layout. */
    static final String TYPED = "typed";

    static final String STATUS_CHECK =
            "constraint catalog_model_status check (status in ('active', 'deprecated', 'archived'))";

    static final String ORDER_INDEX = "create index if not exists catalog_model_by_order on catalog_model (name_order)";

    static final String TAG_INDEX = "create index if not exists catalog_model_by_tag on catalog_model using gin (tags)";

    /** For SQL and BI users: readable columns, the caseless helper columns left out (README, "PostgreSQL catalog"). */
    static final String VIEW = "create or replace view catalog_models as select name, description, task, framework,"
            + " license, url, created, status, successor, tags, revision, name_key from catalog_model";

    private static final String TABLE = "create table if not exists catalog_model ("
            + " name_key varchar(1000) collate \"C\" not null primary key,"
            + " name varchar(200) not null,"
            + " description varchar(32767) not null,"
            + " task varchar(100) not null,"
            + " framework varchar(100) not null,"
            + " license varchar(100) not null,"
            + " url varchar(2000) not null,"
            + " created date,"
            + " status varchar(10) not null " + STATUS_CHECK + ","
            + " successor varchar(200) not null,"
            + " revision bigint not null,"
            + " tags text[] default '{}' not null,"
            + " " + String.join(", ", CaselessColumns.DEFINITIONS) + ","
            + " name_order bytea not null)";

    /** An array of tags from their {@code ;}-joined form (no canonical tag holds {@code ;}); '' gives '{}'. */
    private static final String TAGS = "string_to_array(?, ';')";

    @Override
    public List<String> create() {
        return List.of(TABLE, ORDER_INDEX, TAG_INDEX, VIEW);
    }

    @Override
    public List<String> features() {
        return List.of(TYPED);
    }

    @Override
    public boolean isCurrent(JdbcTemplate jdbc) {
        return CatalogSchema.has(jdbc, TYPED);
    }

    @Override
    public void upgrade(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        if (!isCurrent(jdbc)) {
            TypedLayoutUpgrade.run(jdbc, transactionManager);
        }
    }

    @Override
    public String modelColumns() {
        return "name_key, name, description, task, framework, license, url, created, status, successor, revision,"
                + " array_to_string(tags, ';')";
    }

    @Override
    public String insertColumns() {
        return PlainDialect.MODEL_COLUMNS + ", " + CaselessColumns.NAMES + ", name_order";
    }

    @Override
    public String insertValues() {
        return "?, ?, ?, ?, ?, ?, ?, cast(? as date), ?, ?, ?, " + TAGS + ", ?, ?, ?, ?, ?";
    }

    @Override
    public String updateAssignments() {
        return "description = ?, task = ?, framework = ?, license = ?, url = ?, created = cast(? as date),"
                + " status = ?, successor = ?, revision = ?, tags = " + TAGS + ", description_folded = ?,"
                + " task_folded = ?, framework_folded = ?, license_folded = ?";
    }

    @Override
    public Object created(String isoDate) {
        return new SqlParameterValue(Types.VARCHAR, CreatedColumn.toPostgres(isoDate));
    }

    @Override
    public Object orderValue(String key) {
        return orderKey(key);
    }

    static byte[] orderKey(String key) {
        return key.getBytes(StandardCharsets.UTF_16BE);
    }

    @Override
    public List<Object> extraInsertValues(String key) {
        return List.of(orderKey(key));
    }

    @Override
    public String orderColumn() {
        return "name_order";
    }

    @Override
    public String hasAll(Set<Tag> tags, List<Object> args) {
        args.add(TagsColumn.of(tags));
        return "m.tags @> " + TAGS;
    }

    @Override
    public String hasAny(Set<Tag> tags, List<Object> args) {
        args.add(TagsColumn.of(tags));
        return "m.tags && " + TAGS;
    }

    /** Read from each model's tags: a GIN index of an array cannot answer a prefix. */
    @Override
    public String hasPrefix(String prefix, List<Object> args) {
        args.add(prefix);
        return "exists (select 1 from unnest(m.tags) t where starts_with(t, ?))";
    }

    /**
     * PgJDBC prepares a statement on the server from its fifth execution on, and PostgreSQL then keeps a generic
     * plan, made for any values, as long as nothing invalidates it. An import into a new table prepared the
     * read-ahead's {@code name_key in (100 keys)} while the table was empty, where a sequential scan is the
     * cheapest plan; nothing analyzed the table as it grew (autovacuum is off on the CI's server, and lags behind a
     * fast load elsewhere), so every chunk scanned the whole table: 200k models took 77 s instead of 20 s (issue #22)
     * and, with autovacuum off, more than ten minutes. An unnamed statement is planned with its values each time
     * (the primary key's index, ~1 ms of planning for 100 keys).
     */
    @Override
    public void planWithValues(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    /**
     * A GIN index takes new entries into a pending list that every search reads whole, until it grows past
     * {@code gin_pending_list_limit} (4 MB) or a vacuum merges it; an import leaves up to that much, and autovacuum
     * may come late or, on a server where it is off, never. Merged once at the end: at 200k models a search for a
     * tag on 1 % of them read the index in 72 ms before, 6.5 ms after (279 pending pages).
     */
    @Override
    public void afterWrites(JdbcTemplate jdbc) {
        jdbc.queryForObject("select gin_clean_pending_list('catalog_model_by_tag')", Long.class);
    }

    @Override
    public boolean insertsByCopy() {
        return true;
    }

    @Override
    public String createdUnknown() {
        return "m.created is null";
    }
}

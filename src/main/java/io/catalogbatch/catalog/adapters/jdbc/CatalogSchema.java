package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Tag;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's table, created when missing in the layout of the database's {@link CatalogDialect}, and the record
 * of what its layout holds. One row per model, its tags in a column of their own, so that writing a model touches
 * one row: a second table of tags, with its own primary key (and an index by tag), cost a write at a random place
 * in two or three more B-trees per tag, which made an import into H2 five times slower than H2's own bulk load
 * (docs/benchmark.md).
 */
final class CatalogSchema {

    /**
     * What the layout of a catalog database holds beyond the table's first shape, one row a feature, each written
     * once the table has it. {@value #CASE_FOLDED}: keys and tags are case-folded, and the caseless columns filled.
     */
    private static final String CREATE_LAYOUT =
            "create table if not exists catalog_layout (feature varchar(100) not null primary key)";
    static final String CASE_FOLDED = "case-folded";

    /** The table of tags of the first layout, read once into the tags column, then dropped. */
    private static final String OLD_TAG_TABLE = "catalog_model_tag";
    private static final int UPGRADE_BATCH = 1_000;

    private CatalogSchema() {
    }

    /**
     * Creates the table when missing, in the dialect's layout (a new table is case-folded from its first row), and
     * brings a catalog of the first layout to the plain one; says whether keys and tags are case-folded, which an
     * earlier version's are not ({@link CaseFoldingUpgrade} makes them so).
     */
    static boolean create(JdbcTemplate jdbc, CatalogDialect dialect, PlatformTransactionManager transactionManager) {
        if (!tableExists(jdbc, "catalog_model")) {
            dialect.create().forEach(jdbc::execute);
            mark(jdbc, CASE_FOLDED);
            dialect.features().forEach(feature -> mark(jdbc, feature));
        }
        upgrade(jdbc, transactionManager);
        return has(jdbc, CASE_FOLDED);
    }

    /**
     * Adds to {@code catalog_model} those of these columns ({@code name type}) it lacks. On H2 in one statement:
     * H2 copies the whole table for each {@code alter table ... add}, 2.5 to 5 s each at 100,000 models.
     * Elsewhere one statement each (PostgreSQL adds a nullable column without rewriting the table).
     */
    static void addColumns(JdbcTemplate jdbc, List<String> definitions) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Set<String> present = new HashSet<>();
            try (ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(),
                    connection.getSchema(), null, null)) {
                while (columns.next()) {
                    if ("catalog_model".equalsIgnoreCase(columns.getString("TABLE_NAME"))) {
                        present.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            List<String> missing = definitions.stream()
                    .filter(definition -> !present.contains(definition.substring(0, definition.indexOf(' '))))
                    .toList();
            if (missing.isEmpty()) {
                return null;
            }
            try (Statement alter = connection.createStatement()) {
                if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                    alter.execute("alter table catalog_model add (" + String.join(", ", missing) + ")");
                } else {
                    for (String definition : missing) {
                        alter.execute("alter table catalog_model add column if not exists " + definition);
                    }
                }
            }
            return null;
        });
    }

    /** Whether the catalog's layout has this feature. */
    static boolean has(JdbcTemplate jdbc, String feature) {
        return tableExists(jdbc, "catalog_layout") && jdbc.queryForObject(
                "select count(*) from catalog_layout where feature = ?", Integer.class, feature) > 0;
    }

    /** Records that the catalog's layout has this feature now (once: two writers may both get here). */
    static void mark(JdbcTemplate jdbc, String feature) {
        jdbc.execute(CREATE_LAYOUT);
        if (has(jdbc, feature)) {
            return;
        }
        try {
            jdbc.update("insert into catalog_layout (feature) values (?)", feature);
        } catch (DuplicateKeyException e) {
            // another writer recorded it meanwhile
        }
    }

    /**
     * Brings a catalog of the first layout (tags in a table of their own) to this one. Each step may be run
     * again after a crash: the column is added if missing, the tags copied whole, the old table dropped last.
     * The tags are brought to their canonical form on the way (that version lower-cased them); the keys stay
     * as they are, for {@link CaseFoldingUpgrade}.
     */
    static void upgrade(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        if (!tableExists(jdbc, OLD_TAG_TABLE)) {
            return;
        }
        jdbc.execute("alter table catalog_model add column if not exists " + PlainDialect.TAGS_COLUMN);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> copyOldTags(jdbc));
        jdbc.execute("drop index if exists catalog_model_by_created");
        jdbc.execute("drop table " + OLD_TAG_TABLE);
    }

    /** Each model's tags in the column's own order (the database's collation may sort them otherwise). */
    private static void copyOldTags(JdbcTemplate jdbc) {
        JdbcTemplate reading = new JdbcTemplate(jdbc.getDataSource());
        reading.setFetchSize(UPGRADE_BATCH);
        List<Object[]> updates = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        String[] key = {null};
        reading.query("select name_key, tag from " + OLD_TAG_TABLE + " order by name_key, tag", rs -> {
            String rowKey = rs.getString(1);
            if (key[0] != null && !key[0].equals(rowKey)) {
                updates.add(new Object[] {TagsColumn.of(SortedTags.copyOf(tags)), key[0]});
                tags.clear();
                if (updates.size() == UPGRADE_BATCH) {
                    setTags(jdbc, updates);
                }
            }
            key[0] = rowKey;
            tags.add(Tag.storedLowerCased(rs.getString(2)));
        });
        if (key[0] != null) {
            updates.add(new Object[] {TagsColumn.of(SortedTags.copyOf(tags)), key[0]});
        }
        setTags(jdbc, updates);
    }

    private static void setTags(JdbcTemplate jdbc, List<Object[]> updates) {
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update catalog_model set tags = ? where name_key = ?", updates);
            updates.clear();
        }
    }

    static boolean tableExists(JdbcTemplate jdbc, String name) {
        Boolean exists = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(),
                    connection.getSchema(), null, new String[] {"TABLE"})) {
                while (tables.next()) {
                    if (name.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(exists);
    }
}

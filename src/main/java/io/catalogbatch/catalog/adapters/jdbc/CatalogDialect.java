package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Tag;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What differs between the databases a catalog is kept in: the table's layout and the few pieces of SQL that
 * depend on it. H2 keeps the plain layout that serves its import best ({@link PlainDialect}); PostgreSQL a typed one
 * that a database user recognises and that a tag search reads through an index ({@link PostgresDialect}). The rest
 * of the store's SQL is the same for both.
 */
interface CatalogDialect {

    /** The dialect of the database behind {@code jdbc}: PostgreSQL's, else the plain one. */
    static CatalogDialect of(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equals(product) ? new PostgresDialect() : new PlainDialect();
    }

    /** The statements that make the table (and its indexes, a view) in an empty database. */
    List<String> create();

    /** The features of {@code catalog_layout} a table made by {@link #create} has from the start. */
    List<String> features();

    /** Whether the table has this dialect's layout (else it is read as {@link PlainDialect} reads it). */
    boolean isCurrent(JdbcTemplate jdbc);

    /** Brings a table of the plain layout (case-folded already) to this dialect's one; nothing when it is there. */
    void upgrade(JdbcTemplate jdbc, PlatformTransactionManager transactionManager);

    /**
     * What a query of a model selects first, in the order {@link JdbcModels#snapshot} reads: name_key, name,
     * description, task, framework, license, url, created, status, successor, revision, tags; created as text
     * (null or empty when unknown), tags joined by {@code ;}.
     */
    String modelColumns();

    /** The columns an insert writes, in the order {@link #insertValues} gives their places. */
    String insertColumns();

    /** The places of {@link #insertColumns}, as many as {@link StagedWrites} passes values. */
    String insertValues();

    /** The assignments of an update of a model's columns but its key, with places in the order of an insert's. */
    String updateAssignments();

    /** The value of the created column for this ISO date ({@code ""}: unknown). */
    Object created(String isoDate);

    /** The value of {@link #orderColumn} for this key. */
    Object orderValue(String key);

    /** The values an insert writes after the model's columns and the caseless ones: its order column's, if any. */
    List<Object> extraInsertValues(String key);

    /** The column that orders models by SPEC §8's order (code units of the key). */
    String orderColumn();

    /** SQL on {@code catalog_model m}: the model has every one of these tags; adds the arguments. */
    String hasAll(Set<Tag> tags, List<Object> args);

    /** SQL: the model has at least one of these tags. */
    String hasAny(Set<Tag> tags, List<Object> args);

    /** SQL: some tag of the model starts with {@code prefix}. */
    String hasPrefix(String prefix, List<Object> args);

    /** SQL: the model's created date is unknown. */
    String createdUnknown();

    /**
     * Makes the database plan this statement with its values at every execution, never once for any values: for
     * the look-ups by key that an import repeats while the table grows from empty (see {@link PostgresDialect}).
     */
    default void planWithValues(PreparedStatement statement) throws SQLException {
    }

    /** Whether new models are written with {@link CopyRows} (PostgreSQL's {@code COPY}) rather than a batch. */
    default boolean insertsByCopy() {
        return false;
    }

    /** After a command wrote models, as it closes the catalog: what leaves the table best for readers. */
    default void afterWrites(JdbcTemplate jdbc) {
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.Tag;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The layout of plain SQL that H2 and PostgreSQL both accept, kept for H2 (docs/architecture.md, "The database
 * store"): created as {@code varchar(10)} ({@code ''} when unknown), status as text, the tags in one column joined
 * by {@code ;} ({@link TagsColumn}), searched with {@code position}. H2 compares text by UTF-16 code units, so the
 * key itself orders the models. It is also how an earlier version left a PostgreSQL catalog.
 */
final class PlainDialect implements CatalogDialect {

    static final String MODEL_COLUMNS =
            "name_key, name, description, task, framework, license, url, created, status, successor, revision, tags";

    static final String TAGS_COLUMN = "tags varchar(32767) default '' not null";

    private static final String TABLE = "create table if not exists catalog_model ("
            + " name_key varchar(1000) not null primary key,"
            + " name varchar(200) not null,"
            + " description varchar(32767) not null,"
            + " task varchar(100) not null,"
            + " framework varchar(100) not null,"
            + " license varchar(100) not null,"
            + " url varchar(2000) not null,"
            + " created varchar(10) not null,"
            + " status varchar(10) not null,"
            + " successor varchar(200) not null,"
            + " revision bigint not null,"
            + " " + TAGS_COLUMN + ","
            + " " + String.join(", ", CaselessColumns.DEFINITIONS) + ")";

    /** The model has a tag that matches the pattern (see {@link TagsColumn}). */
    private static final String HAS = "position(? in " + TagsColumn.FENCED + ") > 0";

    @Override
    public List<String> create() {
        return List.of(TABLE);
    }

    @Override
    public List<String> features() {
        return List.of();
    }

    @Override
    public boolean isCurrent(JdbcTemplate jdbc) {
        return true;
    }

    @Override
    public void upgrade(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    }

    @Override
    public String modelColumns() {
        return MODEL_COLUMNS;
    }

    @Override
    public String insertColumns() {
        return MODEL_COLUMNS + ", " + CaselessColumns.NAMES;
    }

    @Override
    public String insertValues() {
        return KeySlices.marks(16);
    }

    @Override
    public String updateAssignments() {
        return "description = ?, task = ?, framework = ?, license = ?, url = ?, created = ?, status = ?,"
                + " successor = ?, revision = ?, tags = ?, description_folded = ?, task_folded = ?,"
                + " framework_folded = ?, license_folded = ?";
    }

    @Override
    public Object created(String isoDate) {
        return isoDate;
    }

    @Override
    public Object orderValue(String key) {
        return key;
    }

    @Override
    public List<Object> extraInsertValues(String key) {
        return List.of();
    }

    @Override
    public String orderColumn() {
        return "name_key";
    }

    @Override
    public String hasAll(Set<Tag> tags, List<Object> args) {
        tags.forEach(tag -> args.add(TagsColumn.whole(tag)));
        return String.join(" and ", Collections.nCopies(tags.size(), HAS));
    }

    @Override
    public String hasAny(Set<Tag> tags, List<Object> args) {
        tags.forEach(tag -> args.add(TagsColumn.whole(tag)));
        return "(" + String.join(" or ", Collections.nCopies(tags.size(), HAS)) + ")";
    }

    @Override
    public String hasPrefix(String prefix, List<Object> args) {
        args.add(TagsColumn.startingWith(prefix));
        return HAS;
    }

    @Override
    public String createdUnknown() {
        return "m.created = ''";
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * New models written into PostgreSQL's {@code catalog_model} with {@code COPY ... FROM STDIN} (PgJDBC's
 * {@code CopyManager}), on the chunk's own connection, so inside its transaction: the rows commit with the job
 * repository's records of the chunk, or not at all. One statement and one stream for the chunk's inserts, where a
 * batch of inserts makes the server bind and run a statement per row. A key already there (another writer's)
 * fails the {@code COPY} with the primary key's violation, which Spring translates to a {@code
 * DuplicateKeyException} as it does for the batch ({@link StagedWrites} makes it a {@code ConcurrentModelUpdate}).
 *
 * <p>COPY's text format: columns separated by a tab, {@code \N} for null, and a backslash before a backslash, tab,
 * newline or carriage return in a value; the tags an array literal with each element quoted; {@code name_order} a
 * {@code bytea} in hex ({@code \x...}, its backslash doubled).
 */
final class CopyRows {

    private static final String COPY = "copy catalog_model (" + PlainDialect.MODEL_COLUMNS + ", "
            + CaselessColumns.NAMES + ", name_order) from stdin";
    private static final HexFormat HEX = HexFormat.of();

    private CopyRows() {
    }

    /** Inserts these models (sorted by key by the caller), in the surrounding transaction. */
    static void insert(JdbcTemplate jdbc, List<ModelSnapshot> models) {
        StringBuilder rows = new StringBuilder(models.size() * 512);
        for (ModelSnapshot model : models) {
            append(rows, model);
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY,
                        new StringReader(rows.toString()));
            } catch (IOException e) { // a StringReader does not fail: the connection did
                throw new SQLException("cannot write the chunk's models: " + e.getMessage(), "08006", e);
            }
        });
    }

    /** One line: the columns of {@link PlainDialect#MODEL_COLUMNS}, the caseless ones, name_order. */
    static void append(StringBuilder line, ModelSnapshot model) {
        ModelDetails d = model.details();
        Object[] caseless = CaselessColumns.values(d);
        text(line, model.key()).append('\t');
        text(line, model.name().display()).append('\t');
        text(line, d.description()).append('\t');
        text(line, d.task()).append('\t');
        text(line, d.framework()).append('\t');
        text(line, d.license()).append('\t');
        text(line, d.url()).append('\t');
        text(line, CreatedColumn.toPostgres(d.created())).append('\t');
        text(line, model.status().code()).append('\t');
        text(line, d.successor()).append('\t');
        line.append(model.revision()).append('\t');
        tags(line, model).append('\t');
        for (Object form : caseless) {
            text(line, (String) form).append('\t');
        }
        line.append("\\\\x").append(HEX.formatHex(PostgresDialect.orderKey(model.key()))).append('\n');
    }

    /** An array literal, {@code {"a","b"}}, each element quoted (a backslash before {@code "} and {@code \}). */
    private static StringBuilder tags(StringBuilder line, ModelSnapshot model) {
        line.append('{');
        boolean first = true;
        for (Tag tag : model.tags()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            StringBuilder element = new StringBuilder(tag.value().length() + 2).append('"');
            for (int i = 0; i < tag.value().length(); i++) {
                char c = tag.value().charAt(i);
                if (c == '"' || c == '\\') {
                    element.append('\\');
                }
                element.append(c);
            }
            text(line, element.append('"').toString());
        }
        return line.append('}');
    }

    /** A value in COPY's text format; null is {@code \N}. */
    private static StringBuilder text(StringBuilder line, String value) {
        if (value == null) {
            return line.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return line;
    }
}

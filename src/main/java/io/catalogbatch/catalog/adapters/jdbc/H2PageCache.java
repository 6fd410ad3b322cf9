package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.shared.jdbc.H2Url;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2 keeps 16 MB of pages in memory unless told otherwise. A re-import reads every model back, at random
 * places in the table, and at 1M models most reads missed that cache: 64 MB took about a tenth off the
 * re-import and nothing from the first import's speed or peak (docs/benchmark.md). Only for H2, and only
 * while nobody chose a size: neither the URL ({@code ;CACHE_SIZE=}) nor an earlier {@code SET CACHE_SIZE}
 * (H2 keeps that setting in the database, as it keeps this one).
 */
final class H2PageCache {

    static final int KILOBYTES = 65_536;

    private H2PageCache() {
    }

    static void enlarge(JdbcTemplate jdbc) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            DatabaseMetaData database = connection.getMetaData();
            if ("H2".equals(database.getDatabaseProductName())
                    && !H2Url.names(database.getURL(), "CACHE_SIZE")
                    && !chosen(connection)) {
                try (Statement set = connection.createStatement()) {
                    set.execute("set cache_size " + KILOBYTES);
                } catch (SQLException notAdmin) {
                    // a user without the right to change it: H2's own size, a slower re-import
                }
            }
            return null;
        });
    }

    private static boolean chosen(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet set = query.executeQuery(
                     "select count(*) from information_schema.settings where setting_name = 'CACHE_SIZE'")) {
            return set.next() && set.getInt(1) > 0;
        }
    }
}

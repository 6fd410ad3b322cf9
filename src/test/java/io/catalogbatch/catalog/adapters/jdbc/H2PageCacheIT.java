package io.catalogbatch.catalog.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** An H2 catalog gets a 64 MB page cache, unless its URL or an earlier setting chose a size. */
class H2PageCacheIT {

    @TempDir
    Path folder;

    @Test
    void a_catalog_database_gets_the_larger_cache() {
        assertThat(cacheMegabytesAfterOpening("jdbc:h2:file:" + folder.resolve("catalog"), null)).isEqualTo("64");
    }

    @Test
    void a_size_in_the_url_is_kept() {
        assertThat(cacheMegabytesAfterOpening("jdbc:h2:file:" + folder.resolve("catalog") + ";CACHE_SIZE=8192", null))
                .isEqualTo("8");
    }

    @Test
    void a_size_set_earlier_in_the_database_is_kept() {
        assertThat(cacheMegabytesAfterOpening("jdbc:h2:file:" + folder.resolve("catalog"), "set cache_size 4096"))
                .isEqualTo("4");
    }

    private static String cacheMegabytesAfterOpening(String url, String before) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        if (before != null) {
            sql.execute(before);
        }
        new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource)).close();
        return sql.queryForObject("select setting_value from information_schema.settings"
                + " where setting_name = 'info.CACHE_MAX_SIZE'", String.class);
    }
}

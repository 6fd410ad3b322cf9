package io.catalogbatch.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2UrlTest {

    @Test
    void a_setting_is_added_to_an_h2_url() {
        assertThat(H2Url.withDefault("jdbc:h2:file:/data/catalog", "MAX_COMPACT_TIME", "500"))
                .isEqualTo("jdbc:h2:file:/data/catalog;MAX_COMPACT_TIME=500");
        assertThat(H2Url.withDefault("jdbc:h2:file:/data/catalog;TRACE_LEVEL_FILE=0", "IFEXISTS", "TRUE"))
                .isEqualTo("jdbc:h2:file:/data/catalog;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE");
    }

    @Test
    void a_setting_the_url_names_in_any_case_is_kept() {
        assertThat(H2Url.withDefault("jdbc:h2:file:/data/catalog;max_compact_time=0", "MAX_COMPACT_TIME", "500"))
                .isEqualTo("jdbc:h2:file:/data/catalog;max_compact_time=0");
        assertThat(H2Url.names("jdbc:h2:file:/data/catalog;Cache_Size=8192", "CACHE_SIZE")).isTrue();
    }

    @Test
    void a_name_that_only_appears_in_the_path_is_not_a_setting() {
        assertThat(H2Url.names("jdbc:h2:file:/data/cache_size/catalog", "CACHE_SIZE")).isFalse();
        assertThat(H2Url.names("jdbc:h2:file:/data/catalog;MY_CACHE_SIZE=1", "CACHE_SIZE")).isFalse();
    }

    @Test
    void other_databases_urls_are_left_alone() {
        String postgres = "jdbc:postgresql://db.example.com/catalog?user=batch";
        assertThat(H2Url.withDefault(postgres, "MAX_COMPACT_TIME", "500")).isEqualTo(postgres);
    }
}

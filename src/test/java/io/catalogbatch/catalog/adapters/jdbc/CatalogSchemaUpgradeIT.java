package io.catalogbatch.catalog.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A catalog database written by a version that kept tags in a table of their own opens with its tags, folded. */
class CatalogSchemaUpgradeIT {

    /** The first layout, as that version created it. */
    private static final List<String> FIRST_LAYOUT = List.of(
            "create table catalog_model (name_key varchar(1000) not null primary key, name varchar(200) not null,"
                    + " description varchar(32767) not null, task varchar(100) not null,"
                    + " framework varchar(100) not null, license varchar(100) not null, url varchar(2000) not null,"
                    + " created varchar(10) not null, status varchar(10) not null, successor varchar(200) not null,"
                    + " revision bigint not null)",
            "create table catalog_model_tag (name_key varchar(1000) not null, tag varchar(100) not null,"
                    + " primary key (name_key, tag))",
            "create index catalog_model_tag_by_tag on catalog_model_tag (tag, name_key)",
            "create index catalog_model_by_created on catalog_model (created, name_key)");

    @TempDir
    Path folder;
    DataSource dataSource;
    JdbcTemplate jdbc;

    /** The test's empty database: an H2 file here, a PostgreSQL database in a subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("catalog").toAbsolutePath());
        return h2;
    }

    @BeforeEach
    void firstLayout() {
        dataSource = database();
        jdbc = new JdbcTemplate(dataSource);
        FIRST_LAYOUT.forEach(jdbc::execute);
        // more models than one batch of the upgrade, so that batches follow each other
        List<Object[]> models = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String name = String.format("m-%05d", i);
            models.add(new Object[] {name, name, 1 + i % 3});
            for (int t = 0; t < i % 3; t++) {
                tags.add(new Object[] {name, "tag-" + (i + t) % 7});
            }
        }
        jdbc.batchUpdate("insert into catalog_model values (?, ?, 'd', 't', 'f', 'l', 'https://x.org', '2024-01-01',"
                + " 'active', '', ?)", models);
        jdbc.batchUpdate("insert into catalog_model_tag values (?, ?)", tags);
        jdbc.update("insert into catalog_model values ('bert', 'BERT', 'd', 't', 'f', 'l', 'https://x.org',"
                + " '2024-01-01', 'active', '', 4)");
        // that version lower-cased tags: σας is σασ case-folded
        jdbc.update("insert into catalog_model_tag values ('bert', 'nlp'), ('bert', 'dataset:squad'), ('bert', 'été'),"
                + " ('bert', 'σας')");
    }

    @Test
    void moves_the_tags_into_the_models_table_and_drops_the_old_table() {
        JdbcCatalog catalog = open();

        assertThat(catalog.find("bert").orElseThrow().tags()).extracting(Tag::value)
                .containsExactly("dataset:squad", "nlp", "été", "σασ");
        assertThat(catalog.find("m-00000").orElseThrow().tags()).isEmpty();
        assertThat(catalog.find("m-02498").orElseThrow().tags()).extracting(Tag::value)
                .containsExactly("tag-0", "tag-6");
        assertThat(catalog.countModels()).isEqualTo(2_501);
        assertThat(tagRows(catalog)).isEqualTo(2_499 + 4);
        assertThat(tables()).doesNotContain("CATALOG_MODEL_TAG");
        assertThat(indexes()).doesNotContain("CATALOG_MODEL_BY_CREATED");
        assertThat(catalog.search(ModelQuery.builder().all(Set.of(Tag.of("nlp"))).build()))
                .extracting(SearchHit::name).containsExactly("BERT");

        JdbcCatalog again = open();
        assertThat(again.find("bert").orElseThrow().tags()).hasSize(4);
    }

    @Test
    void an_upgrade_cut_short_before_the_old_table_was_dropped_is_done_again() {
        jdbc.execute("alter table catalog_model add column tags varchar(32767) default '' not null");
        jdbc.update("update catalog_model set tags = 'half;done' where name_key = 'bert'");

        JdbcCatalog catalog = open();

        assertThat(catalog.find("bert").orElseThrow().tags()).extracting(Tag::value)
                .containsExactly("dataset:squad", "nlp", "été", "σασ");
        assertThat(tables()).doesNotContain("CATALOG_MODEL_TAG");
    }

    @Test
    void a_migration_source_of_the_first_layout_is_read_with_its_tags() {
        JdbcCatalog source = JdbcCatalog.existing(dataSource, new DataSourceTransactionManager(dataSource));

        List<ModelSnapshot> models = new ArrayList<>();
        source.forEachModel(models::add);
        assertThat(models).hasSize(2_501);
        assertThat(models.get(0).tags()).extracting(Tag::value).containsExactly("dataset:squad", "nlp", "été", "σασ");
    }

    private JdbcCatalog open() {
        return new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));
    }

    private static long tagRows(JdbcCatalog catalog) {
        long[] count = {0};
        catalog.forEachModel(model -> count[0] += model.tags().size());
        return count[0];
    }

    private List<String> tables() {
        return jdbc.queryForList("select upper(table_name) from information_schema.tables"
                + " where upper(table_schema) = 'PUBLIC'", String.class);
    }

    /** The names of the indexes, upper-cased. */
    List<String> indexes() {
        return jdbc.queryForList("select index_name from information_schema.indexes where table_schema = 'PUBLIC'",
                String.class);
    }
}

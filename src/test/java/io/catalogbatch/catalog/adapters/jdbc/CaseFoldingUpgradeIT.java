package io.catalogbatch.catalog.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CaseFoldingCollision;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A catalog database written by the version that lower-cased keys and tags ({@code οδος-bert}, {@code pixart-ς})
 * is case-folded by the first command that writes, read folded by the others, and left alone when two of its
 * names fold to one key.
 */
class CaseFoldingUpgradeIT {

    /** The table as that version created it. */
    private static final String EARLIER_LAYOUT = "create table catalog_model (name_key varchar(1000) not null"
            + " primary key, name varchar(200) not null, description varchar(32767) not null,"
            + " task varchar(100) not null, framework varchar(100) not null, license varchar(100) not null,"
            + " url varchar(2000) not null, created varchar(10) not null, status varchar(10) not null,"
            + " successor varchar(200) not null, revision bigint not null, tags varchar(32767) default '' not null)";

    private static final String PIXART = "PixArt-alpha/PixArt-Sigma-XL-2-1024-MS";

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
    void earlierVersionsCatalog() {
        dataSource = database();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(EARLIER_LAYOUT);
        // as that version wrote them: key and tags lower-cased, tags sorted and joined by ';'
        insert("pixart-alpha/pixart-sigma-xl-2-1024-ms", PIXART, "Σ at the start", "Text-To-Image", 3,
                "pixart-ς;pixart-σ");
        insert("οδος-bert", "ΟΔΟΣ-bert", "ΟΣΤΡΑ", "fill-mask", 2, "straße");
        insert("bert", "BERT", "plain", "fill-mask", 2, "nlp");
        // more models than a page of the upgrade, so that pages follow each other
        List<Object[]> models = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String name = String.format("M-%05d-Σ", i);
            models.add(new Object[] {name.toLowerCase(java.util.Locale.ROOT), name, "text-" + i % 3});
        }
        jdbc.batchUpdate("insert into catalog_model values (?, ?, 'd', '', 'JAX', 'mit', '', '', 'active', '', 2,"
                + " ?)", models);
    }

    private void insert(String key, String name, String description, String task, long revision, String tags) {
        jdbc.update("insert into catalog_model values (?, ?, ?, ?, 'Straße', 'ΟΔΟΣ-License', 'https://x.org',"
                + " '2024-01-01', 'active', '', ?, ?)", key, name, description, task, revision, tags);
    }

    @Test
    void a_command_that_writes_folds_keys_and_tags_merging_tags_that_fold_to_one() {
        JdbcCatalog catalog = new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));

        assertThat(jdbc.queryForObject("select name_key from catalog_model where name = 'ΟΔΟΣ-bert'", String.class))
                .isEqualTo("οδοσ-bert");
        assertThat(jdbc.queryForObject("select name_key from catalog_model where name = 'M-02499-Σ'", String.class))
                .isEqualTo("m-02499-σ");
        assertThat(jdbc.queryForObject("select count(*) from catalog_model where name_key like '%ς%'", Integer.class))
                .isZero();
        ModelSnapshot pixart = catalog.find("pixart-alpha/pixart-sigma-xl-2-1024-ms").orElseThrow();
        assertThat(pixart.tags()).extracting(Tag::value).containsExactly("pixart-σ");
        assertThat(pixart.revision()).as("an upgrade is no change of the model").isEqualTo(3);
        assertThat(catalog.find("οδοσ-bert").orElseThrow().tags()).extracting(Tag::value).containsExactly("strasse");
        assertThat(catalog.find("οδος-bert")).isEmpty();
        assertThat(catalog.countModels()).isEqualTo(2_503);
        assertThat(jdbc.queryForMap("select description_folded, task_folded, framework_folded, license_folded"
                + " from catalog_model where name = 'ΟΔΟΣ-bert'"))
                .containsValues("οστρα", "strasse", "οδοσ-license").containsEntry("TASK_FOLDED", null);
        assertSearchesFolded(catalog);

        List<Map<String, Object>> upgraded = rows();
        new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));
        assertThat(rows()).as("opened again, nothing more to do").isEqualTo(upgraded);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"search or export", "dry run"})
    void a_command_that_only_reads_answers_folded_and_leaves_the_catalog_as_it_was(String command) {
        List<Map<String, Object>> before = rows();

        JdbcCatalog catalog = command.equals("dry run")
                ? JdbcCatalog.readOnly(dataSource, new DataSourceTransactionManager(dataSource))
                : JdbcCatalog.forReading(dataSource, new DataSourceTransactionManager(dataSource));

        assertSearchesFolded(catalog);
        assertThat(catalog.find("οδοσ-bert")).isPresent();
        assertThat(catalog.storedAmong(List.of("οδοσ-bert", "οδος-bert", "bert"))).containsOnly("οδοσ-bert", "bert");
        assertThat(catalog.modelsAfter("m-02498-σ", 2)).extracting(m -> m.name().display())
                .containsExactly("M-02499-Σ", PIXART);
        List<String> keys = new ArrayList<>();
        catalog.forEachModel(model -> keys.add(model.key()));
        assertThat(keys).hasSize(2_503).isSorted().endsWith("οδοσ-bert");
        assertThat(rows()).isEqualTo(before);
        assertThat(tables()).containsExactly("CATALOG_MODEL");
    }

    @Test
    void a_migration_source_of_an_earlier_version_is_read_folded_and_left_as_it_was() {
        List<Map<String, Object>> before = rows();

        JdbcCatalog source = JdbcCatalog.existing(dataSource, new DataSourceTransactionManager(dataSource));

        assertThat(source.modelsAfter("", 3)).extracting(ModelSnapshot::key)
                .containsExactly("bert", "m-00000-σ", "m-00001-σ");
        assertThat(source.find("pixart-alpha/pixart-sigma-xl-2-1024-ms").orElseThrow().tags()).hasSize(1);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void two_names_that_fold_to_one_key_stop_it_before_any_change_naming_both() {
        jdbc.update("insert into catalog_model values ('straße', 'Straße', '', '', '', '', '', '', 'active', '', 1,"
                + " 'pixart-ς')");
        jdbc.update("insert into catalog_model values ('strasse', 'STRASSE', '', '', '', '', '', '', 'active', '', 1,"
                + " '')");
        List<Map<String, Object>> before = rows();

        assertThatThrownBy(() -> new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource)))
                .isInstanceOf(CaseFoldingCollision.class)
                .hasMessageContaining("\"STRASSE\" and \"Straße\"")
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("update catalog_model set name = 'Straße (2)', name_key = 'straße (2)'"
                        + " where name = 'Straße'");
        assertThat(rows()).isEqualTo(before);
        assertThat(tables()).containsExactly("CATALOG_MODEL");
        assertThatThrownBy(() -> JdbcCatalog.forReading(dataSource, new DataSourceTransactionManager(dataSource)))
                .isInstanceOf(CaseFoldingCollision.class);

        jdbc.update("update catalog_model set name = 'Straße (2)', name_key = 'straße (2)' where name = 'Straße'");
        JdbcCatalog renamed = new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));
        assertThat(renamed.find("strasse (2)")).isPresent();
        assertThat(renamed.find("strasse")).isPresent();
    }

    @Test
    void an_upgrade_cut_short_is_finished_by_the_next_command_that_writes() {
        jdbc.execute("alter table catalog_model add column description_folded varchar(300000)");
        jdbc.update("update catalog_model set name_key = 'οδοσ-bert', tags = 'strasse',"
                + " description_folded = 'οστρα' where name_key = 'οδος-bert'");

        JdbcCatalog catalog = new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));

        assertThat(catalog.find("οδοσ-bert").orElseThrow().tags()).extracting(Tag::value).containsExactly("strasse");
        assertThat(catalog.countModels()).isEqualTo(2_503);
        assertSearchesFolded(catalog);
    }

    @Test
    void a_new_catalog_is_case_folded_from_the_start() {
        jdbc.execute("drop table catalog_model");

        new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));

        assertThat(jdbc.queryForList("select feature from catalog_layout order by feature", String.class))
                .containsExactlyElementsOf(newLayout());
    }

    private static void assertSearchesFolded(JdbcCatalog catalog) {
        assertThat(names(catalog, ModelQuery.builder().all(Set.of(Tag.of("pixart-σ"))).build()))
                .containsExactly(PIXART);
        assertThat(names(catalog, ModelQuery.builder().all(Set.of(Tag.of("STRASSE"))).build()))
                .containsExactly("ΟΔΟΣ-bert");
        assertThat(names(catalog, ModelQuery.builder().text("ΟΣ").build())).containsExactly("ΟΔΟΣ-bert");
        assertThat(names(catalog, ModelQuery.builder().text("02499-ς").build())).containsExactly("M-02499-Σ");
        assertThat(names(catalog, ModelQuery.builder().framework("STRASSE").license("οδος-license")
                .task("FILL-MASK").build())).containsExactly("BERT", "ΟΔΟΣ-bert");
    }

    private static List<String> names(JdbcCatalog catalog, ModelQuery query) {
        return catalog.search(query).stream().map(SearchHit::name).toList();
    }

    /** The features of the layout of a new catalog. */
    List<String> newLayout() {
        return List.of("case-folded");
    }

    /** Every row, whole, in values that compare by {@code equals}. */
    List<Map<String, Object>> rows() {
        return jdbc.queryForList("select * from catalog_model order by name");
    }

    private List<String> tables() {
        return jdbc.queryForList("select upper(table_name) from information_schema.tables"
                + " where upper(table_schema) = 'PUBLIC' and table_type = 'BASE TABLE' order by 1", String.class);
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A PostgreSQL catalog of the plain layout an earlier version made there (created {@code varchar}, status free
 * text, tags joined by {@code ;}) is read as it is by a command that only reads, and given the typed layout by the
 * first command that writes, also when an earlier attempt was cut short. On a database with ICU's collation, whose
 * order is not the catalog's.
 */
class PostgresLayoutUpgradeIT {

    /** The plain layout as the version before this one made it on PostgreSQL, case-folded. */
    private static final List<String> PLAIN_LAYOUT = List.of(
            "create table catalog_model (name_key varchar(1000) not null primary key, name varchar(200) not null,"
                    + " description varchar(32767) not null, task varchar(100) not null,"
                    + " framework varchar(100) not null, license varchar(100) not null, url varchar(2000) not null,"
                    + " created varchar(10) not null, status varchar(10) not null, successor varchar(200) not null,"
                    + " revision bigint not null, tags varchar(32767) default '' not null,"
                    + " description_folded varchar(300000), task_folded varchar(300), framework_folded varchar(300),"
                    + " license_folded varchar(300))",
            "create table catalog_layout (feature varchar(100) not null primary key)",
            "insert into catalog_layout (feature) values ('case-folded')");

    private static final String SMILE = "\uD83D\uDE00-smile";
    private static final String PRIVATE_USE = "\uE000-private";

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();
    DataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void plainLayout() {
        dataSource = PostgresDatabases.dataSource(postgres.create(PostgresDatabases.ICU_EN_US));
        jdbc = new JdbcTemplate(dataSource);
        PLAIN_LAYOUT.forEach(jdbc::execute);
        // more models than one page of the upgrade, so that pages follow each other
        List<Object[]> models = new ArrayList<>();
        String[] statuses = {"active", "deprecated", "archived"};
        for (int i = 0; i < 2_500; i++) {
            String name = String.format("m-%05d", i);
            models.add(new Object[] {name, name, i % 5 == 0 ? "" : "2024-01-01", statuses[i % 3], 1 + i % 3,
                    i % 3 == 0 ? "" : i % 3 == 1 ? "tag-" + i % 7 : "tag-" + i % 7 + ";tag-" + (i + 1) % 7});
        }
        models.add(new Object[] {"bert", "BERT", "0000-02-29", "active", 3, "dataset:squad;nlp"});
        models.add(new Object[] {SMILE, SMILE, "", "active", 1, ""});
        models.add(new Object[] {PRIVATE_USE, PRIVATE_USE, "", "active", 1, ""});
        jdbc.batchUpdate("insert into catalog_model (name_key, name, description, task, framework, license, url,"
                + " created, status, successor, revision, tags) values (?, ?, 'd', 't', 'f', 'l', 'https://x.org', ?,"
                + " ?, '', ?, ?)", models);
    }

    @Test
    void a_command_that_only_reads_answers_from_the_plain_layout_and_changes_nothing() {
        JdbcCatalog reading = JdbcCatalog.forReading(dataSource, new DataSourceTransactionManager(dataSource));

        assertThat(reading.search(ModelQuery.builder().all(Set.of(Tag.of("nlp"))).build()))
                .extracting(SearchHit::name).containsExactly("BERT");
        assertThat(reading.find("bert").orElseThrow().details().created()).isEqualTo("0000-02-29");
        assertThat(keys(reading)).hasSize(2_503).isSorted().endsWith(SMILE, PRIVATE_USE);
        assertThat(columnType("created")).isEqualTo("character varying");
        assertThat(CatalogSchema.has(jdbc, PostgresDialect.TYPED)).isFalse();
    }

    @Test
    void the_first_command_that_writes_gives_it_typed_columns_a_tag_index_and_the_view() {
        List<ModelSnapshot> before = models(JdbcCatalog.forReading(dataSource,
                new DataSourceTransactionManager(dataSource)));

        JdbcCatalog catalog = open();

        assertThat(models(catalog)).isEqualTo(before);
        assertThat(columnType("created")).isEqualTo("date");
        assertThat(columnType("tags")).isEqualTo("ARRAY");
        assertThat(jdbc.queryForObject("select count(*) from catalog_model where created is null", Integer.class))
                .isEqualTo(2 + 500);
        assertThat(jdbc.queryForObject("select created::text from catalog_models where name = 'BERT'", String.class))
                .isEqualTo("0001-02-29 BC");
        long tagged = java.util.stream.IntStream.range(0, 2_500).filter(i -> i % 3 == 1 && i % 7 == 3
                || i % 3 == 2 && (i % 7 == 3 || (i + 1) % 7 == 3)).count();
        assertThat(jdbc.queryForObject("select count(*) from catalog_models where tags @> '{tag-3}'", Long.class))
                .isEqualTo(tagged);
        assertThatThrownBy(() -> jdbc.update("update catalog_model set status = 'retired' where name_key = 'bert'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("catalog_model_status");
        assertThat(catalog.search(ModelQuery.builder().all(Set.of(Tag.of("nlp"), Tag.of("dataset:squad"))).build()))
                .extracting(SearchHit::name).containsExactly("BERT");
        assertThat(keys(open())).as("opened again: nothing more to do").hasSize(2_503).isSorted();
    }

    @Test
    void an_upgrade_cut_short_while_filling_the_new_columns_is_read_as_before_and_done_again() {
        jdbc.execute("alter table catalog_model add column created_date date, add column tag_list text[],"
                + " add column name_order bytea");
        jdbc.update("update catalog_model set created_date = '1900-01-01', tag_list = '{half,done}',"
                + " name_order = '\\x00' where name_key < 'm-01000'");
        List<ModelSnapshot> before = models(JdbcCatalog.forReading(dataSource,
                new DataSourceTransactionManager(dataSource)));
        assertThat(before).hasSize(2_503);

        JdbcCatalog catalog = open();

        assertThat(models(catalog)).isEqualTo(before);
        assertThat(catalog.find("m-00001").orElseThrow().details().created()).isEqualTo("2024-01-01");
        assertThat(catalog.find("m-00001").orElseThrow().tags()).extracting(Tag::value).containsExactly("tag-1");
        assertThat(CatalogSchema.has(jdbc, PostgresDialect.TYPED)).isTrue();
    }

    /** A selective tag search reads the tag index (a bitmap scan of it), not every row. */
    @Test
    void a_tag_search_reads_the_tag_index() {
        open();
        jdbc.execute("analyze catalog_model");
        List<Object> args = new ArrayList<>();
        String condition = new PostgresDialect().hasAll(Set.of(Tag.of("nlp")), args);

        List<String> plan = jdbc.queryForList("explain select name from catalog_model m where m.status in"
                + " ('active', 'deprecated') and " + condition + " order by m.name_order", String.class,
                args.toArray());

        assertThat(String.join("\n", plan)).contains("Bitmap Index Scan on catalog_model_by_tag");
    }

    private JdbcCatalog open() {
        return new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));
    }

    private String columnType(String column) {
        return jdbc.queryForObject("select data_type from information_schema.columns where table_name ="
                + " 'catalog_model' and column_name = ?", String.class, column);
    }

    private static List<ModelSnapshot> models(JdbcCatalog catalog) {
        List<ModelSnapshot> models = new ArrayList<>();
        catalog.forEachModel(models::add);
        return models;
    }

    private static List<String> keys(JdbcCatalog catalog) {
        return models(catalog).stream().map(ModelSnapshot::key).toList();
    }
}

package io.catalogbatch.catalog.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chunk reads the models its rows name in one go; what it read ahead lives exactly as long as the chunk.
 * Many keys are looked up in a few queries.
 */
class PrefetchIT {

    @TempDir
    Path folder;
    DataSource dataSource;
    JdbcCatalog catalog;
    JdbcTemplate sql;
    TransactionTemplate chunk;

    /** The test's empty database: an H2 file here, a PostgreSQL database in a subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("catalog").toAbsolutePath());
        return h2;
    }

    @BeforeEach
    void open() {
        dataSource = database();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        catalog = new JdbcCatalog(dataSource, transactions);
        sql = new JdbcTemplate(dataSource);
        chunk = new TransactionTemplate(transactions);
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < 250; i++) { // more than one query's worth of keys
            models.add(model("m-" + i, "t-" + i % 7));
        }
        chunk.executeWithoutResult(status -> { // one transaction: outside one, each model commits on its own
            CatalogUnitOfWork uow = catalog.unitOfWork();
            try (uow) {
                models.forEach(uow.models()::add);
                uow.commit();
            }
        });
    }

    @Test
    void a_chunk_reads_ahead_what_is_stored_and_what_is_not_and_sees_its_own_changes_over_it() {
        List<String> keys = keys(300);
        chunk.executeWithoutResult(status -> {
            catalog.prefetch(keys);
            sql.update("update catalog_model set description = 'changed behind the read' where name_key = 'm-3'");
            for (int i = 0; i < 300; i++) {
                assertThat(catalog.find("m-" + i)).as("m-" + i).isEqualTo(i < 250
                        ? Optional.of(withRevision(model("m-" + i, "t-" + i % 7).snapshot(), 2)) : Optional.empty());
            }
            CatalogUnitOfWork uow = catalog.unitOfWork();
            try (uow) {
                uow.models().get("m-5").orElseThrow().tag(Tag.of("new"));
                uow.commit();
            }
            assertThat(catalog.find("m-5").orElseThrow().tags()).extracting(Tag::value).containsExactly("new", "t-5");
        });

        assertThat(catalog.find("m-3").orElseThrow().details().description()).isEqualTo("changed behind the read");
        assertThat(catalog.find("m-5").orElseThrow().revision()).isEqualTo(3);
    }

    @Test
    void half_of_a_large_read_ahead_runs_on_a_connection_of_its_own_and_finds_the_same_models() {
        Connections connections = new Connections(dataSource);
        JdbcCatalog watched = connections.catalog();
        TransactionTemplate watchedChunk = connections.chunk();
        List<String> keys = keys(300);
        try (watched) {
            watchedChunk.executeWithoutResult(status -> {
                watched.prefetch(keys);
                sql.update("delete from catalog_model"); // what is found now can only come from the read ahead
                for (int i = 0; i < 300; i++) {
                    assertThat(watched.find("m-" + i).map(ModelSnapshot::revision)).as("m-" + i)
                            .isEqualTo(i < 250 ? Optional.of(2L) : Optional.empty());
                }
            });
        }

        assertThat(connections.takenBy).contains(Thread.currentThread().getName(), "catalog-side-reader");
    }

    @Test
    void a_read_ahead_that_fails_on_the_side_connection_fails_the_chunk() {
        Connections connections = new Connections(dataSource);
        connections.refuseSideReader = true;
        JdbcCatalog watched = connections.catalog();
        TransactionTemplate watchedChunk = connections.chunk();
        List<String> keys = keys(300);

        try (watched) {
            assertThatThrownBy(() -> watchedChunk.executeWithoutResult(status -> watched.prefetch(keys)))
                    .hasStackTraceContaining("no connection for the side reader");
            assertThat(watched.find("m-1")).isPresent(); // the next chunk reads again
        }
    }

    /** A data source that remembers which threads took a connection, and can refuse the side reader one. */
    private static final class Connections extends DelegatingDataSource {
        final Set<String> takenBy = ConcurrentHashMap.newKeySet();
        volatile boolean refuseSideReader;

        Connections(DataSource target) {
            super(target);
        }

        JdbcCatalog catalog() {
            return new JdbcCatalog(this, new DataSourceTransactionManager(this));
        }

        TransactionTemplate chunk() {
            return new TransactionTemplate(new DataSourceTransactionManager(this));
        }

        @Override
        public Connection getConnection() throws SQLException {
            String thread = Thread.currentThread().getName();
            takenBy.add(thread);
            if (refuseSideReader && thread.equals("catalog-side-reader")) {
                throw new SQLException("no connection for the side reader");
            }
            return super.getConnection();
        }
    }

    @Test
    void what_a_rolled_back_chunk_read_ahead_is_forgotten() {
        try {
            chunk.executeWithoutResult(status -> {
                catalog.prefetch(List.of("m-1"));
                throw new IllegalStateException("the chunk fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        sql.update("update catalog_model set description = 'after the chunk' where name_key = 'm-1'");

        assertThat(catalog.find("m-1").orElseThrow().details().description()).isEqualTo("after the chunk");
    }

    @Test
    void outside_a_chunk_nothing_is_read_ahead() {
        catalog.prefetch(List.of("m-1"));
        sql.update("update catalog_model set description = 'later' where name_key = 'm-1'");

        assertThat(catalog.find("m-1").orElseThrow().details().description()).isEqualTo("later");
    }

    @Test
    void tells_which_of_many_keys_the_catalog_holds() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 400; i += 2) {
            keys.add("m-" + i);
        }
        keys.add("m-2");

        assertThat(catalog.storedAmong(keys)).hasSize(125).contains("m-0", "m-248").doesNotContain("m-250");
    }

    private static List<String> keys(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add("m-" + i);
        }
        return keys;
    }

    private static Model model(String name, String tag) {
        ModelDetails details = new ModelDetails("d", "text-classification", "pytorch", "mit",
                "https://example.org/" + name, "2024-09-20", "");
        return Model.add(ModelName.of(name), ModelPatch.of(details, Status.ACTIVE), Set.of(Tag.of(tag)));
    }

    private static ModelSnapshot withRevision(ModelSnapshot s, long revision) {
        return new ModelSnapshot(s.name(), s.details(), s.status(), revision, s.tags());
    }
}

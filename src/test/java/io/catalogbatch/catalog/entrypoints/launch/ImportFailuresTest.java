package io.catalogbatch.catalog.entrypoints.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.service.CaseFoldingCollision;
import io.catalogbatch.catalog.service.CatalogBusy;
import io.catalogbatch.runs.Failures;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ImportFailuresTest {

    @Test
    void a_catalog_held_by_another_run_is_found_anywhere_in_the_chain() {
        SQLException inUse = new SQLException("Database may be already in use", "90020",
                Failures.H2_DATABASE_IN_USE);

        assertThat(ImportFailures.catalogBusy(new IllegalStateException(new RuntimeException(inUse)))).isTrue();
        assertThat(ImportFailures.catalogBusy(new RuntimeException(new CatalogBusy(Path.of("catalog"))))).isTrue();
        assertThat(ImportFailures.catalogBusy(new RuntimeException(new IOException("disk")))).isFalse();
    }

    @Test
    void two_stored_names_one_under_case_folding_need_the_user() {
        CaseFoldingCollision collision = CaseFoldingCollision.between("Bert", "bert", name -> "rename " + name);

        assertThat(ImportFailures.needsTheUser(new IllegalStateException(collision))).isTrue();
        assertThat(ImportFailures.catalogBusy(new IllegalStateException(collision))).isFalse();
    }

    /** initCause refuses only a failure as its own cause: two failures can still cause each other. */
    @Test
    void a_loop_of_causes_is_neither_busy_nor_the_users_to_fix() {
        RuntimeException outer = new RuntimeException("outer");
        IllegalStateException inner = new IllegalStateException("inner");
        outer.initCause(inner);
        inner.initCause(outer);

        assertThat(ImportFailures.catalogBusy(outer)).isFalse();
        assertThat(ImportFailures.needsTheUser(outer)).isFalse();
    }
}

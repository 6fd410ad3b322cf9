package io.catalogbatch.catalog.entrypoints.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@code watch --once} ranks the exit codes of its imports (SPEC §6: 0 done, 3 rejected rows, 1 failed). */
class WatcherTest {

    private static final int DONE = 0;
    private static final int REJECTED_ROWS = 3;
    private static final int FAILED = 1;

    @Test
    void the_worst_outcome_is_a_failure_then_rejected_rows_then_done() {
        assertThat(Watcher.worse(DONE, REJECTED_ROWS)).isEqualTo(REJECTED_ROWS);
        assertThat(Watcher.worse(REJECTED_ROWS, DONE)).isEqualTo(REJECTED_ROWS);
        assertThat(Watcher.worse(REJECTED_ROWS, FAILED)).isEqualTo(FAILED);
        assertThat(Watcher.worse(FAILED, DONE)).isEqualTo(FAILED);
        assertThat(Watcher.worse(DONE, DONE)).isEqualTo(DONE);
    }
}

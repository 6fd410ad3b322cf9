package io.catalogbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void a_stop_outranks_a_failure_which_outranks_a_refusal_which_outranks_rejections() {
        assertThat(RunStatus.of(true, true, true, 5)).isEqualTo(RunStatus.STOPPED);
        assertThat(RunStatus.of(false, true, true, 5)).isEqualTo(RunStatus.FAILED);
        assertThat(RunStatus.of(false, false, true, 5)).isEqualTo(RunStatus.REFUSED);
        assertThat(RunStatus.of(false, false, false, 5)).isEqualTo(RunStatus.DONE_WITH_REJECTIONS);
        assertThat(RunStatus.of(false, false, false, 0)).isEqualTo(RunStatus.DONE);
    }

    @Test
    void each_ending_has_the_exit_code_of_spec_6() {
        assertThat(RunStatus.DONE.exitCode()).isZero();
        assertThat(RunStatus.DONE_WITH_REJECTIONS.exitCode()).isEqualTo(3);
        assertThat(RunStatus.REFUSED.exitCode()).isEqualTo(1);
        assertThat(RunStatus.FAILED.exitCode()).isEqualTo(1);
        assertThat(RunStatus.STOPPED.exitCode()).isEqualTo(1);
    }

    @Test
    void a_summarys_word_names_its_status_and_an_unknown_word_none() {
        for (RunStatus status : RunStatus.values()) {
            assertThat(RunStatus.named(status.word())).contains(status);
        }
        assertThat(RunStatus.named("running")).isEmpty();
        assertThat(RunStatus.DONE_WITH_REJECTIONS.word()).isEqualTo("done-with-rejections");
    }

    @Test
    void finished_runs_are_filed_and_interrupted_ones_resume() {
        assertThat(RunStatus.values()).filteredOn(RunStatus::ended)
                .containsExactly(RunStatus.DONE, RunStatus.DONE_WITH_REJECTIONS, RunStatus.REFUSED);
        assertThat(RunStatus.values()).filteredOn(RunStatus::interrupted)
                .containsExactly(RunStatus.FAILED, RunStatus.STOPPED);
    }
}

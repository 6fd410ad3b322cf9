package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureReportTest {

    /** initCause refuses only a failure as its own cause: two failures can still cause each other. */
    @Test
    void a_loop_of_causes_is_reported_by_the_last_cause_not_met_before() {
        RuntimeException outer = new RuntimeException("outer");
        IllegalStateException inner = new IllegalStateException("inner");
        outer.initCause(inner);
        inner.initCause(outer);
        StringWriter err = new StringWriter();

        FailureReport.reportFirst(new PrintWriter(err), "import failed", List.of(outer), false);

        assertThat(err).hasToString("catalog-batch: import failed: inner" + System.lineSeparator());
    }

    @Test
    void of_several_failures_the_one_the_file_system_caused_is_shown() {
        Throwable consequence = new IllegalStateException("could not record the step's end");
        Throwable cause = new RuntimeException(new IOException("Read-only file system"));
        StringWriter err = new StringWriter();

        FailureReport.reportFirst(new PrintWriter(err), "import failed", List.of(consequence, cause), false);

        assertThat(err).hasToString("catalog-batch: import failed: Read-only file system. That file system is "
                + "mounted read-only: name a folder you can write to" + System.lineSeparator());
    }
}

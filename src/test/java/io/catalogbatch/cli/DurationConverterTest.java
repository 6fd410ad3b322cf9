package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Durations of {@code watch --poll} and {@code --settle}, and how {@code watch --once} ranks exit codes. */
class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "5m,300000", "1h,3600000", "0,0", "PT2S,2000", "pt1m,60000", " 10 s ,10000"})
    void reads_what_people_write(String text, long millis) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten seconds", "-5s", "5", "1d", "PT-1S", "1.5s"})
    void refuses_anything_else_saying_how_to_write_it(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("like 500ms, 30s, 5m or 1h");
    }

    @Test
    void the_worst_outcome_is_a_failure_then_rejected_rows_then_done() {
        assertThat(WatchCommand.worse(ExitCode.DONE, ExitCode.REJECTED_ROWS)).isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(WatchCommand.worse(ExitCode.REJECTED_ROWS, ExitCode.DONE)).isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(WatchCommand.worse(ExitCode.REJECTED_ROWS, ExitCode.FAILED)).isEqualTo(ExitCode.FAILED);
        assertThat(WatchCommand.worse(ExitCode.FAILED, ExitCode.DONE)).isEqualTo(ExitCode.FAILED);
        assertThat(WatchCommand.worse(ExitCode.DONE, ExitCode.DONE)).isEqualTo(ExitCode.DONE);
    }
}

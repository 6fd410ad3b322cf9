package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Durations of {@code watch --poll} and {@code --settle}. */
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
}

package io.catalogbatch.catalog.domain;

import static io.catalogbatch.catalog.domain.DomainAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTest {

    @ParameterizedTest
    @CsvSource({"active,ACTIVE", "deprecated,DEPRECATED", "archived,ARCHIVED", "Active,ACTIVE",
            "DEPRECATED,DEPRECATED", "ArChIvEd,ARCHIVED"})
    void parses_the_three_statuses_case_insensitively(String raw, Status status) {
        assertThat(Status.of(raw)).isEqualTo(status);
    }

    @Test
    void trims_the_cell_including_nbsp() {
        assertThat(Status.of("\u00A0 deprecated\t")).isEqualTo(Status.DEPRECATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00A0"})
    void reads_an_empty_cell_as_active(String raw) {
        assertThat(Status.of(raw)).isEqualTo(Status.ACTIVE);
    }

    @Test
    void parses_upper_case_input_whatever_the_default_locale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            assertThat(Status.of("ACTIVE")).isEqualTo(Status.ACTIVE);
            assertThat(Status.ACTIVE.code()).isEqualTo("active");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"retired", "activ", "active!", "de precated", "0", "1", "true"})
    void rejects_any_other_word_as_bad_value(String raw) {
        assertThat(assertRejected(() -> Status.of(raw), "bad-value", "status").getMessage()).contains(raw);
    }

    @Test
    void codes_are_the_lower_case_words() {
        assertThat(Status.values()).extracting(Status::code).containsExactly("active", "deprecated", "archived");
    }
}

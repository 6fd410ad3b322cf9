package io.catalogbatch.catalog.domain;

import static io.catalogbatch.catalog.domain.DomainAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelDetailsTest {

    private static ModelDetails description(String value) {
        return new ModelDetails(value, "", "", "", "", "", "");
    }

    private static ModelDetails label(String field, String value) {
        return switch (field) {
            case "task" -> new ModelDetails("", value, "", "", "", "", "");
            case "framework" -> new ModelDetails("", "", value, "", "", "", "");
            case "license" -> new ModelDetails("", "", "", value, "", "", "");
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static ModelDetails url(String value) {
        return new ModelDetails("", "", "", "", value, "", "");
    }

    private static ModelDetails created(String value) {
        return new ModelDetails("", "", "", "", "", value, "");
    }

    @Test
    void none_has_every_field_empty() {
        for (ModelField field : EnumSet.complementOf(EnumSet.of(ModelField.STATUS))) {
            assertThat(ModelDetails.NONE.get(field)).as(field.column()).isEmpty();
        }
    }

    @Nested
    class Description {

        @Test
        void is_kept_verbatim_with_its_edge_spaces() {
            assertThat(description("  A model.  ").description()).isEqualTo("  A model.  ");
        }

        @Test
        void keeps_a_whitespace_only_description_as_written() {
            assertThat(description("   ").description()).isEqualTo("   ");
        }

        @Test
        void allows_newlines_and_tabs() {
            String multiline = "Line one\nLine two\r\n\tindented\rold mac";
            assertThat(description(multiline).description()).isEqualTo(multiline);
        }

        @Test
        void is_not_normalised() {
            assertThat(description("cafe\u0301").description()).isEqualTo("cafe\u0301");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\u0000b", "a\u0001b", "a\u000Bb", "a\u000Cb", "a\u001Fb", "a\u007Fb",
                "a\u0085b", "a\u009Fb"})
        void rejects_other_control_characters(String raw) {
            assertRejected(() -> description(raw), "control-character", "description");
        }

        @Test
        void accepts_32767_characters() {
            assertThat(description("x".repeat(32_767)).description()).hasSize(32_767);
        }

        @Test
        void rejects_32768_characters_as_too_long() {
            assertRejected(() -> description("x".repeat(32_768)), "too-long", "description");
        }
    }

    @Nested
    class TaskFrameworkLicense {

        @ParameterizedTest
        @ValueSource(strings = {"task", "framework", "license"})
        void is_trimmed_including_nbsp_but_keeps_its_case(String field) {
            assertThat(label(field, "\u00A0 Text Generation\t").get(column(field))).isEqualTo("Text Generation");
        }

        @ParameterizedTest
        @ValueSource(strings = {"task", "framework", "license"})
        void is_normalised_to_nfc(String field) {
            assertThat(label(field, "Tokenize\u0301").get(column(field))).isEqualTo("Tokeniz\u00e9");
        }

        @ParameterizedTest
        @ValueSource(strings = {"task", "framework", "license"})
        void accepts_100_characters(String field) {
            assertThat(label(field, "t".repeat(100)).get(column(field))).hasSize(100);
        }

        @ParameterizedTest
        @ValueSource(strings = {"task", "framework", "license"})
        void rejects_101_characters_as_too_long(String field) {
            assertRejected(() -> label(field, "t".repeat(101)), "too-long", field);
        }

        @ParameterizedTest
        @CsvSource({"task,a\u0001b", "framework,a\u007Fb", "license,a\u0085b", "task,a\u202Eb",
                "framework,a\u2066b", "license,a\u0002b"})
        void rejects_control_and_bidi_characters(String field, String value) {
            assertRejected(() -> label(field, value), "control-character", field);
        }

        @ParameterizedTest
        @ValueSource(strings = {"task", "framework", "license"})
        void rejects_a_line_break_inside_the_value(String field) {
            assertRejected(() -> label(field, "text\ngeneration"), "control-character", field);
            assertRejected(() -> label(field, "text\tgeneration"), "control-character", field);
        }

        @Test
        void is_free_text() {
            ModelDetails details = new ModelDetails("", "text-generation / chat", "PyTorch 2.1", "Apache-2.0 OR MIT",
                    "", "", "");
            assertThat(details.task()).isEqualTo("text-generation / chat");
            assertThat(details.framework()).isEqualTo("PyTorch 2.1");
            assertThat(details.license()).isEqualTo("Apache-2.0 OR MIT");
        }

        private ModelField column(String field) {
            return ModelField.valueOf(field.toUpperCase(Locale.ROOT));
        }
    }

    @Nested
    class Url {

        @ParameterizedTest
        @ValueSource(strings = {"https://huggingface.co/bert-base-uncased", "http://example.com",
                "https://example.com:8443/models?id=1#top", "https://user@example.com/x", "https://[::1]:8080/x",
                "HTTPS://Example.COM/Path", "https://例え.jp/モデル"})
        void accepts_an_absolute_http_or_https_url(String raw) {
            assertThat(url(raw).url()).isEqualTo(raw);
        }

        @Test
        void is_trimmed() {
            assertThat(url(" \u00A0https://example.com/a\t").url()).isEqualTo("https://example.com/a");
        }

        @Test
        void may_be_empty() {
            assertThat(url("  ").url()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://example.com/x", "huggingface.co/bert", "www.example.com", "https://",
                "https:///path", "https://?q=1", "https://:80/", "https://user@/x", "http:/example.com",
                "http:example.com", "mailto:someone@example.com", "javascript:alert(1)", "https://exa mple.com",
                "https://example.com/a b", "https://example.com/a\u00A0b", "https://example.com/\tx",
                "/relative/path", "file:///etc/passwd", "httpx://example.com", "https://[::1/x"})
        void rejects_anything_else_as_bad_url(String raw) {
            assertRejected(() -> url(raw), "bad-url", "url");
        }

        @Test
        void accepts_2000_characters() {
            String base = "https://example.com/";
            String url = base + "a".repeat(2_000 - base.length());
            assertThat(url(url).url()).hasSize(2_000);
        }

        @Test
        void rejects_2001_characters_as_too_long() {
            String base = "https://example.com/";
            assertRejected(() -> url(base + "a".repeat(2_001 - base.length())), "too-long", "url");
        }
    }

    @Nested
    class Created {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "2024-01-15                   | 2024-01-15",
                "2024-02-29                   | 2024-02-29",
                "2024-09-20T12:00:00Z         | 2024-09-20",
                "2025-01-12 07:40:10+00:00    | 2025-01-12",
                "2024-01-15T12:00:00.123456Z  | 2024-01-15",
                "2024-01-15T12:00:00.5+01:00  | 2024-01-15",
                "2024-01-15t12:00:00z         | 2024-01-15",
                "2016-12-31T23:59:60Z         | 2016-12-31",
        })
        void accepts_an_iso_date_or_an_rfc3339_date_time_and_keeps_its_date(String raw, String date) {
            assertThat(created(raw).created()).isEqualTo(date);
        }

        @Test
        void keeps_the_date_as_written_rather_than_converted_to_utc() {
            assertThat(created("2024-01-15T23:30:00-05:00").created()).isEqualTo("2024-01-15");
            assertThat(created("2024-01-01T00:30:00+02:00").created()).isEqualTo("2024-01-01");
        }

        @Test
        void is_trimmed() {
            assertThat(created("\u00A0 2024-01-15 \t").created()).isEqualTo("2024-01-15");
        }

        @Test
        void may_be_empty() {
            assertThat(created(" ").created()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"15/01/2024", "01/15/2024", "45306", "20240115", "2024/01/15", "2024-1-15",
                "2024-01-5", "24-01-15", "Jan 15 2024", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10",
                "2024-01-00", "2024-01-15T12:00Z", "2024-01-15T12:00:00", "2024-01-15 12:00:00",
                "2024-01-15T12:00:00+0000", "2024-01-15T12:00:00+01", "2024-01-15T24:00:00Z",
                "2024-01-15T12:60:00Z", "2024-01-15T12:00:61Z", "2024-01-15T12:00:00.Z", "2024-01-15T",
                "2024-01-15Z", "2024-01-15T12:00:00Z extra", "2024-01-15T12:00:00+24:00",
                "２０２４-01-15", "٢٠٢٤-٠١-١٥", "2024-01-1５", "2024-W03", "2024-015"})
        void rejects_anything_else_as_bad_date(String raw) {
            assertRejected(() -> created(raw), "bad-date", "created");
        }
    }

    @Nested
    class Successor {

        @Test
        void is_trimmed_and_normalised_like_a_name() {
            assertThat(new ModelDetails("", "", "", "", "", "", " GPT-4\u00A0").successor()).isEqualTo("GPT-4");
        }

        @Test
        void a_blank_successor_means_none() {
            assertThat(new ModelDetails("", "", "", "", "", "", " \u00A0 ").successor()).isEmpty();
        }

        @Test
        void rejects_a_control_character_on_the_successor_field() {
            assertRejected(() -> new ModelDetails("", "", "", "", "", "", "gpt\u0001"), "control-character",
                    "successor");
        }

        @Test
        void rejects_an_over_long_successor_on_the_successor_field() {
            assertRejected(() -> new ModelDetails("", "", "", "", "", "", "a".repeat(201)), "too-long",
                    "successor");
        }
    }

    @Nested
    class Changes {

        private final ModelDetails base = new ModelDetails("d", "t", "f", "l", "https://x.org", "2024-01-15", "");

        @Test
        void with_takes_only_the_given_fields_from_the_other_details() {
            ModelDetails other = new ModelDetails("D2", "T2", "F2", "L2", "https://y.org", "2025-01-01", "next");
            ModelDetails changed = base.with(other, EnumSet.of(ModelField.TASK, ModelField.CREATED));
            assertThat(changed).isEqualTo(new ModelDetails("d", "T2", "f", "l", "https://x.org", "2025-01-01", ""));
        }

        @Test
        void with_the_same_values_in_the_given_fields_is_these_details_themselves() {
            ModelDetails other = new ModelDetails("other", "t", "f2", "l", "https://y.org", "2024-01-15", "next");

            assertThat(base.with(other, EnumSet.of(ModelField.TASK, ModelField.LICENSE, ModelField.CREATED)))
                    .isSameAs(base);
            assertThat(base.with(other, EnumSet.of(ModelField.TASK, ModelField.FRAMEWORK))).isNotSameAs(base)
                    .extracting(ModelDetails::framework).isEqualTo("f2");
        }

        @Test
        void with_an_empty_value_clears_the_field() {
            assertThat(base.with(ModelDetails.NONE, Set.of(ModelField.LICENSE)).license()).isEmpty();
        }

        @Test
        void differences_name_the_fields_whose_values_differ() {
            ModelDetails changed = new ModelDetails("d", "T", "f", "", "https://x.org", "2024-01-15", "b");
            assertThat(changed.differences(base))
                    .containsExactlyInAnyOrder(ModelField.TASK, ModelField.LICENSE, ModelField.SUCCESSOR);
            assertThat(base.differences(base)).isEmpty();
        }
    }
}

package io.catalogbatch.catalog.domain;

import static io.catalogbatch.catalog.domain.DomainAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.domain.InvalidValue;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

    @Nested
    class CanonicalForm {

        @Test
        void is_lower_case() {
            assertThat(Tag.of("PyTorch").value()).isEqualTo("pytorch");
        }

        @ParameterizedTest
        @CsvSource({
                "PixArt-Σ, pixart-σ",
                "ΟΔΟΣ, οδοσ",
                "Σ-net, σ-net",
                "ΑΣΑ, ασα",
                "Straße, strasse",
                "ẞ, ss",
                "ﬁne-tuned, fine-tuned",
                "ǰ, ǰ",
                "ᾶ, ᾶ"})
        void is_the_full_case_folding_wherever_a_sigma_stands(String raw, String canonical) {
            assertThat(Tag.of(raw).value()).isEqualTo(canonical);
        }

        @Test
        void spellings_that_fold_alike_are_one_tag() {
            assertThat(Tag.of("PixArt-Σ")).isEqualTo(Tag.of("pixart-σ")).isEqualTo(Tag.of("PIXART-ς"));
            assertThat(Tag.of("Straße")).isEqualTo(Tag.of("STRASSE"));
        }

        @Test
        void a_tag_an_earlier_version_stored_lower_cased_is_read_in_its_folded_form() {
            assertThat(Tag.storedLowerCased("pixart-ς")).isEqualTo(Tag.of("pixart-σ"));
            assertThat(Tag.storedLowerCased("straße").value()).isEqualTo("strasse");
            assertThat(Tag.storedLowerCased("nlp").value()).isEqualTo("nlp");
            for (String damaged : List.of("PyTorch", "tag-2-", "a b", "ΣΑΣ")) {
                assertThatThrownBy(() -> Tag.storedLowerCased(damaged)).as(damaged)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void a_capital_i_with_dot_folds_to_i_and_a_combining_dot_which_is_no_letter() {
            assertRejected(() -> Tag.of("İstanbul"), "bad-tag", "tag");
        }

        @Test
        void is_nfc_nfkc_and_its_own_canonical_form_for_every_code_point() {
            List<String> unstable = new ArrayList<>();
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                    continue;
                }
                String canonical = Tag.canonical("x" + Character.toString(c));
                if (!Tag.canonical(canonical).equals(canonical)
                        || !Normalizer.normalize(canonical, Normalizer.Form.NFC).equals(canonical)
                        || !Normalizer.normalize(canonical, Normalizer.Form.NFKC).equals(canonical)) {
                    unstable.add(String.format("U+%04X", c));
                }
            }
            assertThat(unstable).isEmpty();
        }

        @Test
        void a_letter_that_was_a_valid_tag_lower_cased_is_one_folded() {
            List<String> lost = new ArrayList<>();
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE || !Character.isLetter(c)) {
                    continue;
                }
                String lowerCased = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC)
                        .toLowerCase(Locale.ROOT);
                if (lowerCased.codePoints().allMatch(Character::isLetterOrDigit)) {
                    try {
                        Tag.of(Character.toString(c));
                    } catch (InvalidValue e) {
                        lost.add(String.format("U+%04X", c));
                    }
                }
            }
            assertThat(lost).isEmpty();
        }

        @Test
        void lower_cases_without_the_default_locale() {
            java.util.Locale previous = Locale.getDefault();
            Locale.setDefault(Locale.forLanguageTag("tr"));
            try {
                assertThat(Tag.of("VISION").value()).isEqualTo("vision");
            } finally {
                Locale.setDefault(previous);
            }
        }

        @Test
        void applies_nfkc_so_compatibility_characters_become_plain_ones() {
            assertThat(Tag.of("ＮＬＰ").value()).isEqualTo("nlp");
            assertThat(Tag.of("\uFB01ne-tuned").value()).isEqualTo("fine-tuned");
            assertThat(Tag.of("gpt²").value()).isEqualTo("gpt2");
        }

        @Test
        void composes_accents_so_both_spellings_are_one_tag() {
            assertThat(Tag.of("cafe\u0301")).isEqualTo(Tag.of("caf\u00e9"));
            assertThat(Tag.of("cafe\u0301").value()).isEqualTo("caf\u00e9");
        }

        @Test
        void trims_unicode_white_space_including_nbsp() {
            assertThat(Tag.of("  nlp\t").value()).isEqualTo("nlp");
            assertThat(Tag.of("\u00A0nlp\u00A0").value()).isEqualTo("nlp");
            assertThat(Tag.of("\u3000nlp\u2003").value()).isEqualTo("nlp");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "text generation      | text-generation",
                "text    generation   | text-generation",
                "text_generation      | text-generation",
                "text__generation     | text-generation",
                "text _ - generation  | text-generation",
                "text---generation    | text-generation",
                "-text-generation-    | text-generation",
                "__text_generation__  | text-generation",
                "- _ text generation _ -| text-generation",
        })
        void turns_runs_of_white_space_underscores_and_dashes_into_one_dash(String raw, String canonical) {
            assertThat(Tag.of(raw).value()).isEqualTo(canonical);
        }

        @Test
        void turns_nbsp_inside_a_tag_into_a_dash() {
            assertThat(Tag.of("text\u00A0generation").value()).isEqualTo("text-generation");
        }

        @Test
        void turns_tab_cr_and_lf_inside_a_tag_into_a_dash() {
            assertThat(Tag.of("text\tgeneration").value()).isEqualTo("text-generation");
            assertThat(Tag.of("text\ngeneration").value()).isEqualTo("text-generation");
            assertThat(Tag.of("text\rgeneration").value()).isEqualTo("text-generation");
            assertThat(Tag.of("text\r\n\tgeneration").value()).isEqualTo("text-generation");
        }

        @Test
        void keeps_key_value_tags_as_ordinary_tags() {
            assertThat(Tag.of("License:MIT").value()).isEqualTo("license:mit");
            assertThat(Tag.of("dataset:SQuAD_v2").value()).isEqualTo("dataset:squad-v2");
        }

        @Test
        void canonical_is_the_same_function_for_query_tags_and_prefixes() {
            assertThat(Tag.canonical(" Dataset: ")).isEqualTo("dataset:");
            assertThat(Tag.canonical("___")).isEmpty();
        }
    }

    @Nested
    class AllowedCharacters {

        @ParameterizedTest
        @ValueSource(strings = {"nlp", "llama-2.7b", "c++", "org/model", "dataset:squad", "v1.0+cu121",
                "日本語", "русский", "ελληνικά", "عربي", "٣٤", "çğış", "a:b/c.d+e-f"})
        void accepts_letters_digits_and_the_listed_punctuation(String raw) {
            assertThat(Tag.of(raw).value()).isEqualTo(raw);
        }

        @ParameterizedTest
        @ValueSource(strings = {"#nlp", "a,b", "a;b", "a|b", "nlp!", "a*b", "a'b", "\"a\"", "a=b", "a@b",
                "🔥", "a\u200Bb", "a&b", "(nlp)", "a\\b"})
        void rejects_other_characters_as_bad_tag(String raw) {
            assertRejected(() -> Tag.of(raw), "bad-tag", "tag");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\u0000b", "a\u0001b", "a\u001Bb", "a\u007Fb", "a\u0090b", "a\u009Fb"})
        void rejects_control_characters_other_than_tab_cr_lf_as_bad_tag(String raw) {
            assertRejected(() -> Tag.of(raw), "bad-tag", "tag");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\u000Bb", "a\u000Cb", "a\u0085b", "a\u001Cb"})
        void rejects_control_characters_that_are_also_white_space_inside_a_tag_as_bad_tag(String raw) {
            assertRejected(() -> Tag.of(raw), "bad-tag", "tag");
        }

        @Test
        void names_the_offending_character_in_the_message() {
            assertThat(assertRejected(() -> Tag.of("a\u0001b"), "bad-tag", "tag").getMessage())
                    .contains("U+0001");
            assertThat(assertRejected(() -> Tag.of("nlp!"), "bad-tag", "tag").getMessage())
                    .contains("'!'");
        }
    }

    @Nested
    class Length {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\u00A0", "-", "___", "- _ -", "\t\r\n"})
        void rejects_a_tag_empty_after_canonicalisation_as_missing_field(String raw) {
            assertRejected(() -> Tag.of(raw), "missing-field", "tag");
        }

        @Test
        void accepts_100_characters() {
            String hundred = "a".repeat(100);
            assertThat(Tag.of(hundred).value()).hasSize(100);
        }

        @Test
        void rejects_101_characters_as_too_long() {
            assertRejected(() -> Tag.of("a".repeat(101)), "too-long", "tag");
        }

        @Test
        void counts_the_length_after_canonicalisation() {
            assertThat(Tag.of("  " + "a".repeat(50) + "____" + "b".repeat(49) + "  ").value()).hasSize(100);
        }
    }

    @Nested
    class Equality {

        @Test
        void two_spellings_with_the_same_canonical_form_are_equal() {
            Tag spaced = Tag.of("Text Generation");
            Tag snake = Tag.of("text_generation");
            assertThat(spaced).isEqualTo(snake).hasSameHashCodeAs(snake);
            assertThat(new TreeSet<>(List.of(spaced, snake, Tag.of("TEXT-GENERATION")))).hasSize(1);
        }

        @Test
        void different_canonical_forms_are_different_tags() {
            assertThat(Tag.of("nlp")).isNotEqualTo(Tag.of("nlp2"));
            assertThat(Tag.of("a.b")).isNotEqualTo(Tag.of("a-b"));
        }

        @Test
        void stores_only_the_canonical_form() {
            assertThat(Tag.of(" Text_Generation ").toString()).isEqualTo("text-generation");
        }

        @Test
        void refuses_to_construct_a_tag_from_a_non_canonical_value() {
            assertThatThrownBy(() -> new Tag("Text Generation")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void orders_tags_by_canonical_value_in_code_unit_order() {
            assertThat(new TreeSet<>(List.of(Tag.of("b"), Tag.of("A"), Tag.of("a-b"), Tag.of("a.b"))))
                    .extracting(Tag::value).containsExactly("a", "a-b", "a.b", "b");
        }
    }
}

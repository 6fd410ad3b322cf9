package io.catalogbatch.catalog.domain;

import static io.catalogbatch.catalog.domain.DomainAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelNameTest {

    @Test
    void keeps_the_spelling_for_display_and_lower_cases_it_for_the_key() {
        ModelName name = ModelName.of("LLaMA-2");
        assertThat(name.display()).isEqualTo("LLaMA-2");
        assertThat(name.key()).isEqualTo("llama-2");
        assertThat(name).hasToString("LLaMA-2");
    }

    @Test
    void two_spellings_differing_in_case_and_edge_spaces_name_the_same_model() {
        assertThat(ModelName.of("LLaMA-2").sameModelAs(ModelName.of(" llama-2 "))).isTrue();
        assertThat(ModelName.of("LLaMA-2").sameModelAs(ModelName.of("llama-3"))).isFalse();
    }

    @Test
    void trims_unicode_white_space_including_nbsp_ideographic_space_and_tab() {
        assertThat(ModelName.of("\u00A0 bert-base\u00A0").display()).isEqualTo("bert-base");
        assertThat(ModelName.of("\u3000bert-base\u2003\u202F").display()).isEqualTo("bert-base");
        assertThat(ModelName.of("\tbert-base\r\n").display()).isEqualTo("bert-base");
    }

    @Test
    void trims_nel_at_the_edges_as_white_space() {
        assertThat(ModelName.of("\u0085bert-base\u0085").display()).isEqualTo("bert-base");
    }

    @Test
    void rejects_nel_inside_a_name_as_a_c1_control_character() {
        assertRejected(() -> ModelName.of("bert\u0085base"), "control-character", "name");
    }

    @Test
    void keeps_inner_spaces() {
        assertThat(ModelName.of(" my  model ").display()).isEqualTo("my  model");
    }

    @Test
    void normalises_to_nfc_so_both_spellings_of_an_accent_are_one_model() {
        ModelName decomposed = ModelName.of("cafe\u0301-bert");
        assertThat(decomposed.display()).isEqualTo("caf\u00e9-bert").hasSize(9);
        assertThat(decomposed.key()).isEqualTo(ModelName.of("CAF\u00c9-BERT").key());
    }

    @Test
    void does_not_apply_compatibility_normalisation() {
        assertThat(ModelName.of("ＢＥＲＴ").display()).isEqualTo("ＢＥＲＴ");
    }

    @ParameterizedTest
    @CsvSource({
            "PixArt-alpha/PixArt-Σ, pixart-alpha/pixart-σ",
            "ΟΔΟΣ, οδοσ",
            "Σ-model, σ-model",
            "ΑΣΑ, ασα",
            "Straße, strasse",
            "ﬁnetuned, finetuned",
            "İzmir-bert, i̇zmir-bert"})
    void the_key_is_the_full_case_folding_of_the_name_wherever_a_sigma_stands(String name, String key) {
        assertThat(ModelName.of(name).key()).isEqualTo(key);
    }

    @Test
    void spellings_that_fold_alike_name_the_same_model() {
        assertThat(ModelName.of("Straße").sameModelAs(ModelName.of("STRASSE"))).isTrue();
        assertThat(ModelName.of("PixArt-Σ").sameModelAs(ModelName.of("pixart-ς"))).isTrue();
        assertThat(ModelName.of("ΟΔΟΣ").sameModelAs(ModelName.of("οδοσ"))).isTrue();
        assertThat(ModelName.of("ﬁne").sameModelAs(ModelName.of("FINE"))).isTrue();
    }

    @Test
    void lower_cases_the_key_with_the_root_locale_whatever_the_default_locale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            assertThat(ModelName.of("INDEX-BIG").key()).isEqualTo("index-big");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"meta-llama/Llama-2-7b-hf", "openai/whisper-large-v3", "模型-中文", "Модель",
            "Ελληνικό", "#N/A", "007", "TRUE", "a=b+c", "=SUM(A1)"})
    void accepts_hub_ids_any_unicode_letters_and_punctuation(String raw) {
        assertThat(ModelName.of(raw).display()).isEqualTo(raw);
    }

    @Test
    void the_key_of_a_hub_id_keeps_its_slash() {
        assertThat(ModelName.of("Meta-Llama/Llama-2-7B").key()).isEqualTo("meta-llama/llama-2-7b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00A0\u3000", "\t\r\n"})
    void rejects_an_empty_name_as_missing_field(String raw) {
        assertRejected(() -> ModelName.of(raw), "missing-field", "name");
    }

    @Test
    void accepts_200_utf16_units() {
        assertThat(ModelName.of("a".repeat(200)).display()).hasSize(200);
        assertThat(ModelName.of("\uD835\uDC9C".repeat(100)).display()).hasSize(200);
    }

    @Test
    void rejects_201_utf16_units_as_too_long() {
        assertRejected(() -> ModelName.of("a".repeat(201)), "too-long", "name");
    }

    @Test
    void counts_a_character_outside_the_bmp_as_two_units() {
        assertRejected(() -> ModelName.of("\uD835\uDC9C".repeat(101)), "too-long", "name");
        assertRejected(() -> ModelName.of("a".repeat(199) + "🔥"), "too-long", "name");
    }

    @Test
    void counts_the_length_after_trimming() {
        assertThat(ModelName.of("   " + "a".repeat(200) + "   ").display()).hasSize(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\tb", "a\nb", "a\rb", "a\u001Fb", "a\u007Fb",
            "a\u0080b", "a\u009Fb"})
    void rejects_c0_c1_and_del_inside_a_name_as_control_character(String raw) {
        assertRejected(() -> ModelName.of(raw), "control-character", "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
            "\u2069"})
    void rejects_bidi_overrides_and_isolates_as_control_character(String bidi) {
        assertRejected(() -> ModelName.of("evil" + bidi + "txt.exe"), "control-character", "name");
        assertRejected(() -> ModelName.of(bidi + "model"), "control-character", "name");
    }

    @Test
    void names_the_control_character_and_its_position_in_the_message() {
        assertThat(assertRejected(() -> ModelName.of("ab\u202Ec"), "control-character", "name").getMessage())
                .contains("U+202E").contains("position 3");
    }

    @Test
    void refuses_a_key_that_does_not_belong_to_the_display_name() {
        assertThatThrownBy(() -> new ModelName("BERT", "gpt")).isInstanceOf(IllegalArgumentException.class);
    }
}

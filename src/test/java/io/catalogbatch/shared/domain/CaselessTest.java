package io.catalogbatch.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaselessTest {

    @ParameterizedTest
    @CsvSource({
            "PixArt-Σ, pixart-σ",
            "ΟΔΟΣ, οδοσ",
            "Σοφία, σοφία",
            "ΣΑΣ ΟΣ, σασ οσ",
            "ς, σ",
            "Straße, strasse",
            "STRASSE, strasse",
            "ẞ, ss",
            "ﬁne-tuned, fine-tuned",
            "İstanbul, i\u0307stanbul",
            "LLaMA-2, llama-2",
            "ſ, s",
            "\u212A, k"})
    void folds_case_fully_and_without_a_locale(String text, String folded) {
        assertThat(Caseless.fold(text)).isEqualTo(folded);
    }

    @Test
    void a_sigma_is_one_letter_wherever_it_stands_so_a_word_ending_in_it_is_found_inside_another() {
        assertThat(Caseless.fold("ΟΣΤΡΑ")).contains(Caseless.fold("ΟΣ")).isEqualTo(Caseless.fold("οςτρα"));
        assertThat(Caseless.fold("ΣΑΣ")).isEqualTo(Caseless.fold("σας")).isEqualTo(Caseless.fold("ςασ"));
    }

    @Test
    void lower_case_ascii_comes_back_as_the_same_instance() {
        String text = "bert-base-uncased/v1";
        assertThat(Caseless.fold(text)).isSameAs(text);
        assertThat(Caseless.matchForm(text)).isSameAs(text);
    }

    @Test
    void the_match_form_is_nfc_before_it_is_folded() {
        assertThat(Caseless.matchForm("CAFE\u0301")).isEqualTo("caf\u00e9").isEqualTo(Caseless.matchForm("Café"));
        assertThat(Caseless.fold("CAFE\u0301")).isEqualTo("cafe\u0301");
    }

    @Test
    void folding_is_stable_and_lower_casing_first_changes_nothing_for_any_code_point() {
        List<String> unstable = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue;
            }
            String text = Character.toString(c);
            String folded = Caseless.fold(text);
            // the second: what lets a catalog keyed by lower-casing be re-keyed by folding its keys
            if (!Caseless.fold(folded).equals(folded) || !Caseless.fold(text.toLowerCase(Locale.ROOT)).equals(folded)) {
                unstable.add(String.format("U+%04X", c));
            }
        }
        assertThat(unstable).isEmpty();
    }
}

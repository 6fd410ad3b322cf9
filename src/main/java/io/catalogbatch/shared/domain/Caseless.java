package io.catalogbatch.shared.domain;

import com.ibm.icu.lang.UCharacter;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Caseless matching as Unicode defines it (SPEC §1): full case folding, no locale, no Turkic rules, as Python's
 * {@code str.casefold}. {@code Σ}, {@code σ} and {@code ς} are one letter, {@code ß} matches {@code ss}, {@code ﬁ}
 * matches {@code fi}. Lower-casing is not that: {@code toLowerCase} makes a final {@code Σ} a {@code ς} (so
 * {@code ΟΣ} is not found in {@code ΟΣΤΡΑ}) and keeps {@code ß} and {@code ﬁ}. Name keys, tags and every
 * case-insensitive comparison of the catalog fold here.
 *
 * <p>Names and tags are folded once per row of an import: ASCII text costs a scan, and no allocation when it is
 * lower case already (folding ASCII is lower-casing A-Z).
 */
public final class Caseless {

    private Caseless() {
    }

    /** The full case folding of the text; the same instance when it is lower-case ASCII. */
    public static String fold(String text) {
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return UCharacter.foldCase(text, UCharacter.FOLD_CASE_DEFAULT);
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        return upper ? text.toLowerCase(Locale.ROOT) : text;
    }

    /**
     * The form in which caseless matches compare text (a search's {@code --text} against a description, a task
     * against a task): NFC, then folded, so that {@code cafe\u0301} and {@code CAFÉ} meet.
     */
    public static String matchForm(String text) {
        return isAscii(text) ? fold(text) : fold(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    /** ASCII text is its own NFC, NFKC and, once lower case, its own folding. */
    public static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

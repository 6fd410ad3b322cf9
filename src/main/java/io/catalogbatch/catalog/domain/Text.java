package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.InvalidValue;
import io.catalogbatch.shared.domain.WhiteSpace;
import java.text.Normalizer;

/** The text rules of the catalog's fields (SPEC §1): trimming, normal form, forbidden characters, limits. */
final class Text {

    private Text() {
    }

    static boolean isWhiteSpace(int c) {
        return WhiteSpace.is(c);
    }

    static String trim(String s) {
        return WhiteSpace.trim(s);
    }

    static boolean isControl(int c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A single-line label (name, task, framework, license): trimmed, NFC, no control or bidi characters. */
    static String label(String raw, String field, int maxLength) {
        String value = Normalizer.normalize(trim(raw), Normalizer.Form.NFC);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) || isBidiControl(c)) {
                throw new InvalidValue("control-character", field, String.format(
                        "%s contains the control character U+%04X at position %d; remove it", field, (int) c, i + 1));
            }
        }
        return maxLength(value, field, maxLength);
    }

    static String maxLength(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidValue("too-long", field, String.format(
                    "%s is %,d characters long; at most %,d are allowed", field, value.length(), maxLength));
        }
        return value;
    }
}

package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.InvalidValue;
import java.text.Normalizer;

/** The text rules of the catalog's fields (SPEC §1): trimming, normal form, forbidden characters, limits. */
final class Text {

    private Text() {
    }

    /** Unicode's White_Space property (NBSP and NEL included), which {@link String#strip()} does not follow. */
    static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
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

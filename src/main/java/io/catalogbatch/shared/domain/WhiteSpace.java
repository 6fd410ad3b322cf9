package io.catalogbatch.shared.domain;

/** Unicode's White_Space property (NBSP and NEL included), which {@link String#strip()} does not follow. */
public final class WhiteSpace {

    private WhiteSpace() {
    }

    public static boolean is(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    /** The text without White_Space at either end. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && is(s.charAt(start))) {
            start++;
        }
        while (end > start && is(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}

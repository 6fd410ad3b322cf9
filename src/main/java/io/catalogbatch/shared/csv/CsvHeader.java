package io.catalogbatch.shared.csv;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How header names are compared: trimmed (NBSP too), BOM stripped, NFC, lower-case, {@code [ _-]+} as {@code _}. */
public final class CsvHeader {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0_\\-]+");
    private static final Pattern EDGES = Pattern.compile("^[\\s\\u00A0\\uFEFF]+|[\\s\\u00A0\\uFEFF]+$");

    private CsvHeader() {
    }

    public static String normalise(String name) {
        String trimmed = EDGES.matcher(name.replace("\uFEFF", "")).replaceAll("");
        String nfc = Normalizer.normalize(trimmed, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(nfc).replaceAll("_");
    }
}

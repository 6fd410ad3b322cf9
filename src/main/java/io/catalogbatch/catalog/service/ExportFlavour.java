package io.catalogbatch.catalog.service;

import java.util.Locale;

/** How catalog files are written for people: {@code spreadsheet} (Excel-safe) or {@code raw} (exact). */
public enum ExportFlavour {
    SPREADSHEET, RAW;

    public static ExportFlavour of(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    }
}

package io.catalogbatch.shared.jdbc;

import java.util.Locale;

/** Settings in an H2 JDBC URL ({@code jdbc:h2:...;NAME=value;...}); other databases' URLs pass through unchanged. */
public final class H2Url {

    private H2Url() {
    }

    public static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }

    /** Whether the URL sets {@code name} itself (H2 reads setting names in any case). */
    public static boolean names(String url, String name) {
        return url.toUpperCase(Locale.ROOT).contains(";" + name.toUpperCase(Locale.ROOT) + "=");
    }

    /** {@code url} with {@code ;name=value} added: only to an H2 URL, and only when it does not set that already. */
    public static String withDefault(String url, String name, String value) {
        return isH2(url) && !names(url, name) ? url + ";" + name + "=" + value : url;
    }

    /** An H2 URL that neither creates a missing database nor writes to an existing one; others unchanged. */
    public static String readOnly(String url) {
        return withDefault(withDefault(url, "IFEXISTS", "TRUE"), "ACCESS_MODE_DATA", "r");
    }
}

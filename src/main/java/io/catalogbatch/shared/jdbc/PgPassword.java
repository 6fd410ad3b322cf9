package io.catalogbatch.shared.jdbc;

import java.util.Map;
import java.util.Optional;

/**
 * {@code PGPASSWORD}, as libpq and psql read it: the password of a PostgreSQL URL that carries none. PgJDBC
 * (42.7) reads the password file itself ({@code ~/.pgpass}, or the file {@code PGPASSFILE} names) when it is given
 * no password, but not this variable; so the connections we make pass it. A URL's own password wins.
 */
public final class PgPassword {

    public static final String VARIABLE = "PGPASSWORD";

    private PgPassword() {
    }

    /** The password to pass along with {@code url}: {@code PGPASSWORD} for a PostgreSQL URL without one. */
    public static Optional<String> forUrl(String url) {
        return forUrl(url, System.getenv());
    }

    static Optional<String> forUrl(String url, Map<String, String> environment) {
        String password = environment.get(VARIABLE);
        if (!url.startsWith("jdbc:postgresql:") || password == null || password.isEmpty()
                || !UrlSecrets.secretsOf(url).isEmpty()) {
            return Optional.empty();
        }
        UrlSecrets.givenSecret(password); // never printed either, should a message quote it
        return Optional.of(password);
    }
}

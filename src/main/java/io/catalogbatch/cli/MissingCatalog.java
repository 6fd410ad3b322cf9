package io.catalogbatch.cli;

import io.catalogbatch.shared.jdbc.UrlSecrets;

/** What a read-only command says when there is no catalog where it was pointed ({@code CatalogPresence}). */
final class MissingCatalog {

    private MissingCatalog() {
    }

    /** The message of a read-only command given a location where there is no catalog ({@code --catalog}). */
    static String message(String command, String location) {
        return message(command, location, "--catalog (default ./catalog)");
    }

    /** The same, for a catalog named by {@code option}. */
    static String message(String command, String location, String option) {
        return String.format("catalog-batch %s: there is no catalog at %s; name it with %s, or import into it first",
                command, UrlSecrets.masked(location), option);
    }
}

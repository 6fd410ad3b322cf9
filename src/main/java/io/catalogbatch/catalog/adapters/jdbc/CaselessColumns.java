package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.shared.domain.Caseless;
import java.util.List;

/**
 * The caseless forms a search compares (SPEC §1: NFC, fully case-folded), computed in Java and stored beside the
 * values: SQL has no full case folding (PostgreSQL's {@code lower()} keeps {@code ß}, and makes no final sigma
 * a {@code σ}) and no NFC, so a search in SQL compares these. A name's is its key ({@code name_key}). A column is
 * null where the form is the value itself, as most tasks, frameworks and licences are: SQL then reads the value
 * ({@link #of}), and the row stays smaller.
 */
final class CaselessColumns {

    /** In the order {@link #values} gives them. */
    static final String NAMES = "description_folded, task_folded, framework_folded, license_folded";

    /**
     * Folding makes a UTF-16 unit at most three ({@code ΐ}), NFC a description at most three times longer: a
     * description of 32,767 units is at most 294,903 folded.
     */
    static final List<String> DEFINITIONS = List.of("description_folded varchar(300000)", "task_folded varchar(300)",
            "framework_folded varchar(300)", "license_folded varchar(300)");

    private CaselessColumns() {
    }

    /** The columns' values for these details: each null when the value is its own caseless form. */
    static Object[] values(ModelDetails details) {
        return new Object[] {orNull(details.description(), Caseless.matchForm(details.description())),
                orNull(details.task(), Caseless.fold(details.task())),
                orNull(details.framework(), Caseless.fold(details.framework())),
                orNull(details.license(), Caseless.fold(details.license()))};
    }

    /** The SQL expression of the caseless form of a column of {@code catalog_model m}: name, description, task ... */
    static String of(String column) {
        return column.equals("name") ? "m.name_key" : "coalesce(m." + column + "_folded, m." + column + ")";
    }

    private static String orNull(String value, String caseless) {
        return caseless.equals(value) ? null : caseless;
    }
}

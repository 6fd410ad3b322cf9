package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.shared.domain.Caseless;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The caseless forms a search compares (SPEC §1: NFC, fully case-folded), computed in Java and stored beside the
 * values: SQL has no full case folding (PostgreSQL's {@code lower()} keeps {@code ß}, and makes no final sigma
 * a {@code σ}) and no NFC, so a search in SQL compares these. A name's is its key ({@code name_key}). A column is
 * null where the value is ASCII, as nearly every description, task, framework and licence is: there the caseless
 * form is the value with A-Z lower-cased, which SQL computes with {@code translate} (never {@code lower()}, which
 * follows the database's locale: a Turkish one lower-cases {@code I} to a dotless {@code ı}). An import then
 * writes no second copy of most descriptions (the copies cost an import into H2 about 8 % at 100k models).
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

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    private CaselessColumns() {
    }

    /** The columns' values for these details: each null when SQL can make the caseless form itself (ASCII). */
    static Object[] values(ModelDetails details) {
        return new Object[] {unlessAscii(details.description(), Caseless::matchForm),
                unlessAscii(details.task(), Caseless::fold),
                unlessAscii(details.framework(), Caseless::fold),
                unlessAscii(details.license(), Caseless::fold)};
    }

    /** The SQL expression of the caseless form of a column of {@code catalog_model m}: name, description, task ... */
    static String of(String column) {
        return column.equals("name") ? "m.name_key"
                : "coalesce(m." + column + "_folded, translate(m." + column + ", '" + UPPER + "', '" + LOWER + "'))";
    }

    private static String unlessAscii(String value, UnaryOperator<String> caseless) {
        return Caseless.isAscii(value) ? null : caseless.apply(value);
    }
}

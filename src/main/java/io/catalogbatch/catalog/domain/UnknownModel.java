package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.DomainException;

/** A command names a model the catalog does not hold. */
public final class UnknownModel extends DomainException {

    public UnknownModel(String field, String message) {
        super("unknown-model", field, message);
    }

    /** The model named in {@code field} is not in the catalog. */
    public static UnknownModel named(String field, ModelName name) {
        return new UnknownModel(field, String.format(
                "the catalog has no model named \"%s\"; add it in the models file first", name));
    }

    /**
     * A row of a file that came back from a spreadsheet program names a model the catalog lacks, in {@code field}:
     * the program may have changed the name ({@code 007} into {@code 7}).
     */
    public static UnknownModel namedInSpreadsheet(String field, ModelName name) {
        return new UnknownModel(field, String.format(
                "the catalog has no model named \"%s\": if the file came from an export, your spreadsheet program "
                        + "probably changed the name (007 comes back as 7, 1e5 as 100000): format the column as text, "
                        + "or edit the xlsx export; else add the model in the models file first", name));
    }

    /**
     * A row of a file that came back from a spreadsheet program carries the revision of an exported model, but the
     * catalog has no model of its name: the program probably changed the name ({@code 007} into {@code 7}).
     */
    public static UnknownModel revisionFromSpreadsheet(ModelName name, long revision) {
        return new UnknownModel("name", String.format(
                "the catalog has no model named \"%s\", yet the row carries revision %d of an exported model: your "
                        + "spreadsheet program probably changed the name (007 comes back as 7, 1e5 as 100000): "
                        + "format the name column as text, or edit the xlsx export; to add a new model, "
                        + "leave its revision empty", name, revision));
    }
}

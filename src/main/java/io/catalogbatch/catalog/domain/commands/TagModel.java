package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Tag;
import java.util.Objects;

/**
 * Gives a known model a tag; a no-op when it has it already. {@code spreadsheet} says whether the row came back
 * from a spreadsheet program ({@link SpreadsheetRow#NONE} otherwise): a tag the program made of one of the
 * model's tags ({@code 3.0} written back as {@code 3}) is then not added.
 */
public record TagModel(ModelName name, Tag tag, SpreadsheetRow spreadsheet) implements CatalogCommand {

    public TagModel {
        Objects.requireNonNull(spreadsheet, "spreadsheet");
    }

    public TagModel(ModelName name, Tag tag) {
        this(name, tag, SpreadsheetRow.NONE);
    }
}

package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UntagModel;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.InvalidValue;
import java.util.Locale;

/**
 * A row of a tags file (SPEC §4): {@code model}, {@code tag}, {@code action} add (default) or remove. A row of a
 * file that came back from a spreadsheet program ({@code cameBackFromSpreadsheet}) does not add a tag the program
 * made of one of the model's tags.
 */
public record TagRow(CsvRow row, boolean cameBackFromSpreadsheet) {

    /** A row of a CSV file: it came back from a spreadsheet program when the file has the mark of an export. */
    public TagRow(CsvRow row) {
        this(row, row.has(CsvFlavour.MARK_KEY));
    }

    /** The tag a tags-row command adds or removes. */
    public static Tag tagOf(CatalogCommand command) {
        return command instanceof TagModel add ? add.tag() : ((UntagModel) command).tag();
    }

    /** A row's key within its file: a model and a tag. */
    public static String key(ModelName model, Tag tag) {
        return model.key() + '\u0000' + tag.value();
    }

    /** The key of the row's command, without building it (the action is not part of the key). */
    public static String key(CsvRow row) {
        return key(ModelName.of(row.get("model")), Tag.of(row.get("tag")));
    }

    public CatalogCommand toCommand() {
        ModelName model = ModelName.of(row.get("model"));
        Tag tag = Tag.of(row.get("tag"));
        String action = row.get("action").strip().toLowerCase(Locale.ROOT);
        return switch (action) {
            case "", "add" -> new TagModel(model, tag,
                    cameBackFromSpreadsheet ? SpreadsheetRow.at(row.line()) : SpreadsheetRow.NONE);
            case "remove" -> new UntagModel(model, tag);
            default -> throw new InvalidValue("bad-value", "action", String.format(
                    "action \"%s\" is neither add nor remove (empty means add)", row.get("action")));
        };
    }
}

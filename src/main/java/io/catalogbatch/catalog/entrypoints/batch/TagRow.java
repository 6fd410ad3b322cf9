package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UntagModel;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.InvalidValue;
import java.util.Locale;

/** A row of a tags file (SPEC §4): {@code model}, {@code tag}, {@code action} add (default) or remove. */
public record TagRow(CsvRow row) {

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
            case "", "add" -> new TagModel(model, tag);
            case "remove" -> new UntagModel(model, tag);
            default -> throw new InvalidValue("bad-value", "action", String.format(
                    "action \"%s\" is neither add nor remove (empty means add)", row.get("action")));
        };
    }
}

package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Tag;
import java.util.Objects;
import java.util.Set;

/**
 * Adds a model with the fields of {@code patch} and the given tags. When the catalog already holds the
 * model (same name key), the present fields are brought up to date and the tags added instead, so that
 * importing a row again, or a sheet exported earlier, is a no-op rather than an error.
 * {@code expectedRevision} is the revision the row was exported at, or {@link #ANY_REVISION}.
 * {@code tagsAreTheWholeSet}: the tags are the known model's whole tag set, so the ones it has beyond them are
 * removed (the tags cell of a catalog-batch export that came back); otherwise they are added. {@code spreadsheet}
 * says whether the row came back from a spreadsheet program, with its cells as read ({@link SpreadsheetRow#NONE}
 * otherwise): a difference the program made is then not applied, and a revision of an unknown name is refused.
 */
public record AddModel(ModelName name, ModelPatch patch, Set<Tag> tags, long expectedRevision,
                       boolean tagsAreTheWholeSet, SpreadsheetRow spreadsheet) implements CatalogCommand {

    public static final long ANY_REVISION = Model.ANY_REVISION;

    public AddModel {
        tags = Set.copyOf(tags);
        Model.checkTagCount(name, tags.size());
        Objects.requireNonNull(spreadsheet, "spreadsheet");
    }

    /** A row whose tags are added to a known model's, not from a spreadsheet program. */
    public AddModel(ModelName name, ModelPatch patch, Set<Tag> tags, long expectedRevision) {
        this(name, patch, tags, expectedRevision, false, SpreadsheetRow.NONE);
    }

    public AddModel(ModelName name, ModelPatch patch, Set<Tag> tags) {
        this(name, patch, tags, ANY_REVISION);
    }
}

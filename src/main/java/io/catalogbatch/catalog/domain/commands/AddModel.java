package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.Tag;
import java.util.Set;

/**
 * Adds a model with the fields of {@code patch} and the given tags. When the catalog already holds the
 * model (same name key), the present fields are brought up to date and the tags added instead, so that
 * importing a row again, or a sheet exported earlier, is a no-op rather than an error.
 * {@code expectedRevision} is the revision the row was exported at, or {@link #ANY_REVISION}.
 * {@code tagsAreTheWholeSet}: the tags are the known model's whole tag set, so the ones it has beyond them are
 * removed (the tags cell of a workbook exported by catalog-batch); otherwise they are added.
 */
public record AddModel(ModelName name, ModelPatch patch, Set<Tag> tags, long expectedRevision,
                       boolean tagsAreTheWholeSet) implements CatalogCommand {

    public static final long ANY_REVISION = Model.ANY_REVISION;

    public AddModel {
        tags = Set.copyOf(tags);
        Model.checkTagCount(name, tags.size());
    }

    /** A row whose tags are added to a known model's. */
    public AddModel(ModelName name, ModelPatch patch, Set<Tag> tags, long expectedRevision) {
        this(name, patch, tags, expectedRevision, false);
    }

    public AddModel(ModelName name, ModelPatch patch, Set<Tag> tags) {
        this(name, patch, tags, ANY_REVISION);
    }
}

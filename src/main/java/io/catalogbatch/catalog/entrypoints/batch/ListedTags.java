package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.shared.batch.ImportedFile;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvSource;
import io.catalogbatch.shared.domain.DomainException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replace mode (SPEC §8): the models a run lists and the tags each ends with. A model is listed by an
 * accepted row of a models file that has a {@code tags} column, or by an accepted tags row; its tags
 * become (inline tags + add rows) minus remove rows. Worked out from the input files and the rows the run
 * rejected, so it is the same however often the run was interrupted.
 */
final class ListedTags {

    /**
     * A listed model, the tags it ends with, the row (and errors file) that answers for it, and the add
     * rows that came after its tags reached the limit (rejected: {@code too-many-tags}).
     */
    record Listing(ModelName name, Set<Tag> tags, CsvRow row, RejectsFile rejects, List<CsvRow> overLimit,
                   RejectsFile tagRejects) {
    }

    private final Map<String, Builder> listings = new TreeMap<>();

    /** {@code models} or {@code tags} may be null: a run without that file. */
    static List<Listing> of(ImportedFile models, RejectsFile modelRejects, ImportedFile tags, RejectsFile tagRejects)
            throws IOException {
        ListedTags listed = new ListedTags();
        try (CsvSource source = models == null ? null : CsvSource.open(models.file(), models.options())) {
            if (source != null && source.columns().containsKey("tags")) {
                for (CsvRow row = source.next(); row != null; row = source.next()) {
                    AddModel command = accepted(row, modelRejects, r -> new ModelRow(r).toCommand());
                    if (command != null) {
                        listed.listing(command, row, modelRejects).inline.addAll(command.tags());
                    }
                }
            }
        }
        if (tags != null) {
            try (CsvSource source = CsvSource.open(tags.file(), tags.options())) {
                for (CsvRow row = source.next(); row != null; row = source.next()) {
                    CatalogCommand command = accepted(row, tagRejects, r -> new TagRow(r).toCommand());
                    if (command instanceof TagModel add) {
                        listed.listing(command, row, tagRejects).added.putIfAbsent(add.tag(), row);
                    } else if (command != null) {
                        listed.listing(command, row, tagRejects).removed.add(TagRow.tagOf(command));
                    }
                }
            }
        }
        List<Listing> result = new ArrayList<>();
        listed.listings.values().forEach(builder -> result.add(builder.build(tagRejects)));
        return result;
    }

    private Builder listing(CatalogCommand command, CsvRow row, RejectsFile rejects) {
        return listings.computeIfAbsent(command.name().key(), key -> new Builder(command.name(), row, rejects));
    }

    private interface ToCommand<C> {
        C apply(CsvRow row);
    }

    private static <C> C accepted(CsvRow row, RejectsFile rejects, ToCommand<C> toCommand) {
        if (row.hasProblem() || rejects.reported(row.line())) {
            return null;
        }
        try {
            return toCommand.apply(row);
        } catch (DomainException rejectedAlready) {
            return null;
        }
    }

    private static final class Builder {
        private final ModelName name;
        private final CsvRow row;
        private final RejectsFile rejects;
        private final Set<Tag> inline = new LinkedHashSet<>();
        private final Map<Tag, CsvRow> added = new LinkedHashMap<>();
        private final Set<Tag> removed = new LinkedHashSet<>();

        Builder(ModelName name, CsvRow row, RejectsFile rejects) {
            this.name = name;
            this.row = row;
            this.rejects = rejects;
        }

        /** Inline tags first, then add rows in file order, up to the limit; removed tags never count. */
        Listing build(RejectsFile tagRejects) {
            Set<Tag> tags = new LinkedHashSet<>(inline);
            tags.removeAll(removed);
            List<CsvRow> overLimit = new ArrayList<>();
            added.forEach((tag, addRow) -> {
                if (removed.contains(tag) || tags.contains(tag)) {
                    return;
                }
                if (tags.size() < Model.MAX_TAGS) {
                    tags.add(tag);
                } else {
                    overLimit.add(addRow);
                }
            });
            return new Listing(name, tags, row, rejects, overLimit, tagRejects);
        }
    }
}

package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.TooManyTags;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.ReplaceTags;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UntagModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replace mode (SPEC §4, §8): the models a run lists and the tags each ends with. A model is listed by an
 * accepted row of a models file that has a {@code tags} column, or by an accepted tags row; its tags become
 * (inline tags + add rows) minus remove rows, at most {@link Model#MAX_TAGS}: inline tags first, then add rows
 * in file order, and an add row beyond the limit is refused ({@code too-many-tags}). Removed tags never count.
 * Told the accepted rows in file order (models file first), it answers the same however the run went.
 *
 * @param <R> what answers for a row: the caller's own handle on it, given back with the listing it made or
 *            the refusal it earned
 */
public final class ListedTags<R> {

    /** A listed model: the command that sets its tags, the row that listed it first, the add rows refused. */
    public record Listing<R>(ReplaceTags command, R row, List<Refused<R>> overLimit) {
    }

    /** A row refused, and the rule it broke. */
    public record Refused<R>(R row, TooManyTags reason) {
    }

    private final Map<String, Builder<R>> listings = new TreeMap<>();

    /** An accepted row of a models file that has a {@code tags} column: lists its model with its inline tags. */
    public void inline(AddModel command, R row) {
        listing(command.name(), row).inline.addAll(command.tags());
    }

    /** An accepted add row of a tags file. */
    public void add(TagModel command, R row) {
        Builder<R> listing = listing(command.name(), row);
        if (listing.added.putIfAbsent(command.tag(), row) == null && command.spreadsheet().cameBack()) {
            listing.fromSpreadsheet.put(command.tag(), command.spreadsheet().line());
        }
    }

    /** An accepted remove row of a tags file: the tag is not among the model's, whatever the order of the rows. */
    public void remove(UntagModel command, R row) {
        listing(command.name(), row).removed.add(command.tag());
    }

    /** Every listed model, in the order of their name keys. */
    public List<Listing<R>> listings() {
        List<Listing<R>> result = new ArrayList<>(listings.size());
        listings.values().forEach(builder -> result.add(builder.build()));
        return result;
    }

    private Builder<R> listing(ModelName name, R row) {
        return listings.computeIfAbsent(name.key(), key -> new Builder<>(name, row));
    }

    private static final class Builder<R> {
        private final ModelName name;
        private final R row;
        private final Set<Tag> inline = new LinkedHashSet<>();
        private final Map<Tag, R> added = new LinkedHashMap<>();
        private final Map<Tag, Long> fromSpreadsheet = new HashMap<>();
        private final Set<Tag> removed = new LinkedHashSet<>();

        Builder(ModelName name, R row) {
            this.name = name;
            this.row = row;
        }

        Listing<R> build() {
            Set<Tag> tags = new LinkedHashSet<>(inline);
            tags.removeAll(removed);
            List<Refused<R>> overLimit = new ArrayList<>();
            added.forEach((tag, addRow) -> {
                if (removed.contains(tag) || tags.contains(tag)) {
                    return;
                }
                if (tags.size() < Model.MAX_TAGS) {
                    tags.add(tag);
                } else {
                    overLimit.add(new Refused<>(addRow, new TooManyTags("tag", String.format(
                            "\"%s\" already has %d tags from this run; a model may have at most %d",
                            name, Model.MAX_TAGS, Model.MAX_TAGS))));
                }
            });
            Map<Tag, Long> spreadsheetLines = new HashMap<>(fromSpreadsheet);
            spreadsheetLines.keySet().retainAll(tags);
            return new Listing<>(new ReplaceTags(name, tags, spreadsheetLines), row, overLimit);
        }
    }
}

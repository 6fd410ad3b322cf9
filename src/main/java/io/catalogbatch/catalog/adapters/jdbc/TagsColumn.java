package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A model's tags in one column: canonical tags, sorted, joined by {@code ;} (a character no canonical tag
 * holds, SPEC §1), as the export joins them. {@code ';' || tags || ';'} holds {@code ;tag;} exactly when the
 * model has that tag, and {@code ;prefix} when some tag starts with the prefix: that is how SQL searches it.
 */
final class TagsColumn {

    static final String SEPARATOR = ";";

    /** The SQL expression a tag pattern is looked for in: the column with a separator at both ends. */
    static final String FENCED = "(';' || m.tags || ';')";

    private TagsColumn() {
    }

    static String of(Collection<Tag> tags) {
        StringBuilder column = new StringBuilder();
        for (Tag tag : tags) {
            if (!column.isEmpty()) {
                column.append(SEPARATOR);
            }
            column.append(tag.value());
        }
        return column.toString();
    }

    static SortedTags parse(String column) {
        return parse(column, Tag::stored);
    }

    /**
     * The tags of a column an earlier version wrote (lower-cased, not folded: {@code pixart-ς}), each brought to
     * its canonical form now; tags that fold to one become one.
     */
    static SortedTags parseUnfolded(String column) {
        return parse(column, Tag::storedLowerCased);
    }

    private static SortedTags parse(String column, Function<String, Tag> tag) {
        if (column == null || column.isEmpty()) {
            return SortedTags.copyOf(List.of());
        }
        List<Tag> tags = new ArrayList<>();
        int from = 0;
        while (from <= column.length()) {
            int to = column.indexOf(';', from);
            if (to < 0) {
                to = column.length();
            }
            if (to > from) {
                tags.add(tag.apply(column.substring(from, to)));
            }
            from = to + 1;
        }
        return SortedTags.copyOf(tags);
    }

    /** The pattern of one whole tag. */
    static String whole(Tag tag) {
        return SEPARATOR + tag.value() + SEPARATOR;
    }

    /** The pattern of a tag that starts with {@code prefix}. */
    static String startingWith(String prefix) {
        return SEPARATOR + prefix;
    }
}

package io.catalogbatch.catalog.service.search;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.shared.domain.Caseless;
import io.catalogbatch.shared.domain.WhiteSpace;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A search of the catalog (SPEC §1): every filter is combined with AND; an empty value means "no filter".
 * Tags and the prefix are canonicalised like stored tags; {@code task}, {@code framework}, {@code license} (trimmed)
 * and {@code text} are kept in their caseless form ({@link Caseless#matchForm}: NFC, fully case-folded), which
 * every store compares with the same form of its values.
 */
public record ModelQuery(Set<Tag> all, Set<Tag> any, Set<Tag> none, String prefix, String task, String framework,
                         String license, Set<Status> statuses, String text, SortField sort, boolean descending,
                         int limit, int offset) {

    public static final int NO_LIMIT = Integer.MAX_VALUE;
    public static final Set<Status> DEFAULT_STATUSES = Set.of(Status.ACTIVE, Status.DEPRECATED);

    public ModelQuery {
        all = Set.copyOf(all);
        any = Set.copyOf(any);
        none = Set.copyOf(none);
        prefix = prefix.isEmpty() ? prefix : Tag.canonical(prefix);
        task = Caseless.matchForm(WhiteSpace.trim(task));
        framework = Caseless.matchForm(WhiteSpace.trim(framework));
        license = Caseless.matchForm(WhiteSpace.trim(license));
        text = Caseless.matchForm(text);
        statuses = statuses.isEmpty() ? DEFAULT_STATUSES : Set.copyOf(statuses);
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
    }

    /** Every active and deprecated model, by name. */
    public static ModelQuery everything() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean matches(ModelSnapshot model) {
        Set<Tag> tags = model.tags();
        return statuses.contains(model.status())
                && tags.containsAll(all)
                && (any.isEmpty() || any.stream().anyMatch(tags::contains))
                && none.stream().noneMatch(tags::contains)
                && (prefix.isEmpty() || tags.stream().anyMatch(tag -> tag.value().startsWith(prefix)))
                && sameWord(task, model.details().task())
                && sameWord(framework, model.details().framework())
                && sameWord(license, model.details().license())
                && (text.isEmpty() || model.key().contains(text)
                        || Caseless.matchForm(model.details().description()).contains(text));
    }

    /** Those of the model's tags that satisfied {@code all}, {@code any} or {@code prefix}, sorted. */
    public List<Tag> matchedTags(Set<Tag> tags) {
        return tags.stream()
                .filter(tag -> all.contains(tag) || any.contains(tag)
                        || (!prefix.isEmpty() && tag.value().startsWith(prefix)))
                .sorted()
                .toList();
    }

    /** The order of results: by the sort field (models without a value last either way), ties by name key. */
    public Comparator<ModelSnapshot> order() {
        Comparator<ModelSnapshot> byKey = Comparator.comparing(ModelSnapshot::key);
        Comparator<ModelSnapshot> primary = switch (sort) {
            case NAME -> byKey;
            case CREATED -> Comparator.comparing((ModelSnapshot m) -> m.details().created().isEmpty())
                    .thenComparing(m -> m.details().created(),
                            descending ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder());
            case REVISION -> Comparator.comparingLong(ModelSnapshot::revision);
        };
        if (sort == SortField.NAME || sort == SortField.REVISION) {
            primary = descending ? primary.reversed() : primary;
        }
        return primary.thenComparing(byKey);
    }

    /** The stored value is NFC already (SPEC §1), so folding it gives its caseless form. */
    private static boolean sameWord(String filter, String value) {
        return filter.isEmpty() || filter.equals(Caseless.fold(value));
    }

    /** Builds a query; unset filters match everything. */
    public static final class Builder {
        private Set<Tag> all = Set.of();
        private Set<Tag> any = Set.of();
        private Set<Tag> none = Set.of();
        private String prefix = "";
        private String task = "";
        private String framework = "";
        private String license = "";
        private Set<Status> statuses = EnumSet.noneOf(Status.class);
        private String text = "";
        private SortField sort = SortField.NAME;
        private boolean descending;
        private int limit = NO_LIMIT;
        private int offset;

        public Builder all(Set<Tag> tags) {
            this.all = tags;
            return this;
        }

        public Builder any(Set<Tag> tags) {
            this.any = tags;
            return this;
        }

        public Builder none(Set<Tag> tags) {
            this.none = tags;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder task(String task) {
            this.task = task;
            return this;
        }

        public Builder framework(String framework) {
            this.framework = framework;
            return this;
        }

        public Builder license(String license) {
            this.license = license;
            return this;
        }

        public Builder statuses(Set<Status> statuses) {
            this.statuses = statuses;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder sort(SortField sort, boolean descending) {
            this.sort = sort;
            this.descending = descending;
            return this;
        }

        public Builder page(int limit, int offset) {
            this.limit = limit;
            this.offset = offset;
            return this;
        }

        public ModelQuery build() {
            return new ModelQuery(all, any, none, prefix, task, framework, license, statuses, text, sort,
                    descending, limit, offset);
        }
    }
}

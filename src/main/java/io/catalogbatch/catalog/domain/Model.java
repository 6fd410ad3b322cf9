package io.catalogbatch.catalog.domain;

import io.catalogbatch.catalog.domain.events.ModelAdded;
import io.catalogbatch.catalog.domain.events.ModelArchived;
import io.catalogbatch.catalog.domain.events.ModelDeprecated;
import io.catalogbatch.catalog.domain.events.ModelDetailsChanged;
import io.catalogbatch.catalog.domain.events.ModelRestored;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import io.catalogbatch.catalog.domain.events.ModelUntagged;
import io.catalogbatch.catalog.domain.events.ProgramChangeIgnored;
import io.catalogbatch.shared.domain.AggregateRoot;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The aggregate root of the catalog: a model, identified by its name key. Every real change records one
 * event and raises the revision by one; a change that changes nothing records nothing.
 */
public final class Model extends AggregateRoot {

    public static final int MAX_TAGS = 256;
    /** An expected revision that matches any stored one: the row carried none. */
    public static final long ANY_REVISION = -1;

    private final ModelName name;
    /** The loaded tags, shared with the snapshot they came from until the first change copies them. */
    private SortedSet<Tag> tags;
    private final long loadedRevision;
    private ModelDetails details;
    private Status status;
    private long revision;

    private Model(ModelName name, ModelDetails details, Status status, Set<Tag> tags, long revision) {
        this.name = name;
        this.details = details;
        this.status = status;
        this.tags = SortedTags.copyOf(tags);
        this.revision = revision;
        this.loadedRevision = revision;
    }

    /** A new model, with the fields the patch sets (the others empty, status active) and these tags. */
    public static Model add(ModelName name, ModelPatch patch, Set<Tag> tags) {
        checkTagCount(name, tags.size());
        ModelDetails details = ModelDetails.NONE.with(patch.details(), patch.presentDetails());
        Status status = patch.sets(ModelField.STATUS) ? patch.status() : Status.ACTIVE;
        Model model = new Model(name, details, status, Set.of(), 0);
        model.revision++;
        model.record(new ModelAdded(name, details, status, model.revision));
        new TreeSet<>(tags).forEach(model::addTag);
        return model;
    }

    /**
     * A model brought as it was from another store (a migration): to be stored with its revision, as new
     * to this store; records nothing, for nothing about the model changed.
     */
    public static Model migrated(ModelSnapshot snapshot) {
        Model model = new Model(snapshot.name(), snapshot.details(), snapshot.status(), snapshot.tags(), 0);
        model.revision = snapshot.revision();
        return model;
    }

    /** A model as a store kept it; records nothing. */
    public static Model fromSnapshot(ModelSnapshot snapshot) {
        return new Model(snapshot.name(), snapshot.details(), snapshot.status(), snapshot.tags(),
                snapshot.revision());
    }

    public ModelSnapshot snapshot() {
        return new ModelSnapshot(name, details, status, revision, tags);
    }

    /** Refuses a change made from another revision than the stored one (a stale spreadsheet). */
    public void checkRevision(long expected) {
        if (expected != ANY_REVISION && expected != revision) {
            throw new RevisionConflict("revision", String.format(
                    "the row was edited from revision %d of \"%s\", but the catalog holds revision %d; "
                            + "export again and redo the change on the fresh sheet", expected, name, revision));
        }
    }

    /** Applies what a row says about this model: the present fields, then the status. */
    public void update(ModelPatch patch) {
        changeDetails(patch.details(), patch.presentDetails());
        if (patch.sets(ModelField.STATUS)) {
            changeStatus(patch.status());
        }
    }

    public void changeDetails(ModelDetails values, Set<ModelField> fields) {
        ModelDetails changed = details.with(values, fields);
        if (changed == details) {
            return;
        }
        Set<ModelField> differences = changed.differences(details);
        if (!differences.isEmpty()) {
            details = changed;
            revision++;
            record(new ModelDetailsChanged(name, details, differences, revision));
        }
    }

    /**
     * Notes a cell of a row from a spreadsheet program that was not applied: the program, not the user, changed
     * it. The model does not change.
     */
    public void ignore(String column, ProgramChange change, long line) {
        record(new ProgramChangeIgnored(name, column, change, line));
    }

    /**
     * The change a spreadsheet program could have made to one of this model's tags to give {@code tag}, when the
     * model lacks that tag ({@code 3.0} written back as {@code 3}).
     */
    public Optional<ProgramChange> programChangeOfATag(Tag tag) {
        if (tags.contains(tag)) {
            return Optional.empty();
        }
        for (Tag own : tags) {
            Optional<ProgramChange> change = ProgramChange.between(own.value(), tag.value());
            if (change.isPresent()) {
                return change;
            }
        }
        return Optional.empty();
    }

    public void changeStatus(Status target) {
        switch (target) {
            case ACTIVE -> restore();
            case DEPRECATED -> deprecate();
            case ARCHIVED -> archive();
        }
    }

    public void deprecate() {
        if (status != Status.DEPRECATED) {
            status = Status.DEPRECATED;
            revision++;
            record(new ModelDeprecated(name, revision));
        }
    }

    public void archive() {
        if (status != Status.ARCHIVED) {
            status = Status.ARCHIVED;
            revision++;
            record(new ModelArchived(name, revision));
        }
    }

    public void restore() {
        if (status != Status.ACTIVE) {
            status = Status.ACTIVE;
            revision++;
            record(new ModelRestored(name, revision));
        }
    }

    public void tag(Tag tag) {
        tagAll(Set.of(tag));
    }

    /** Adds every tag the model lacks, or none when that would pass the limit. */
    public void tagAll(Set<Tag> added) {
        int missing = 0;
        for (Tag tag : added) {
            if (!tags.contains(tag)) {
                missing++;
            }
        }
        if (missing == 0) {
            return;
        }
        checkTagCount(name, tags.size() + missing);
        (added.size() == 1 ? added : new TreeSet<>(added)).forEach(this::addTag);
    }

    public void untag(Tag tag) {
        if (tags.contains(tag) && changeableTags().remove(tag)) {
            revision++;
            record(new ModelUntagged(name, tag, revision));
        }
    }

    /** Makes the tags exactly {@code wanted}: removals first, then additions, each in tag order. */
    public void replaceTags(Set<Tag> wanted) {
        checkTagCount(name, new TreeSet<>(wanted).size());
        for (Tag tag : new TreeSet<>(tags)) {
            if (!wanted.contains(tag)) {
                untag(tag);
            }
        }
        new TreeSet<>(wanted).forEach(this::addTag);
    }

    public ModelName name() {
        return name;
    }

    public ModelDetails details() {
        return details;
    }

    public Status status() {
        return status;
    }

    public Set<Tag> tags() {
        return Collections.unmodifiableSet(tags);
    }

    public long revision() {
        return revision;
    }

    /** The revision the model had when it was loaded (0 for a model added since). */
    public long loadedRevision() {
        return loadedRevision;
    }

    public boolean changedSinceLoaded() {
        return revision != loadedRevision;
    }

    private void addTag(Tag tag) {
        if (!tags.contains(tag) && changeableTags().add(tag)) {
            revision++;
            record(new ModelTagged(name, tag, revision));
        }
    }

    private SortedSet<Tag> changeableTags() {
        if (!(tags instanceof TreeSet)) {
            tags = new TreeSet<>(tags);
        }
        return tags;
    }

    /** Refuses a model with more tags than a model may have. */
    public static void checkTagCount(ModelName name, int count) {
        if (count > MAX_TAGS) {
            throw new TooManyTags("tags", String.format(
                    "\"%s\" would have %,d tags; a model may have at most %d", name, count, MAX_TAGS));
        }
    }
}

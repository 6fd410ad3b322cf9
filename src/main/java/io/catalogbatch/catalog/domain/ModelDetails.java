package io.catalogbatch.catalog.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The descriptive fields of a model, each validated; an empty string means "no value".
 * {@code created} is an ISO date, {@code successor} the display name of the replacing model.
 */
public record ModelDetails(String description, String task, String framework, String license,
                           String url, String created, String successor) {

    public static final ModelDetails NONE = new ModelDetails("", "", "", "", "", "", "");

    public ModelDetails {
        description = Fields.description(description);
        task = Fields.label(task, "task");
        framework = Fields.label(framework, "framework");
        license = Fields.label(license, "license");
        url = Fields.url(url);
        created = Fields.created(created);
        successor = Text.label(successor, "successor", ModelName.MAX_LENGTH);
    }

    public String get(ModelField field) {
        return switch (field) {
            case DESCRIPTION -> description;
            case TASK -> task;
            case FRAMEWORK -> framework;
            case LICENSE -> license;
            case URL -> url;
            case CREATED -> created;
            case SUCCESSOR -> successor;
            case STATUS -> throw new IllegalArgumentException("status is not a detail");
        };
    }

    /** These details with the given fields taken from {@code other}. */
    public ModelDetails with(ModelDetails other, Set<ModelField> fields) {
        if (sameIn(other, fields)) {
            return this; // a re-import's rows mostly: nothing to check again, nothing to make
        }
        return new ModelDetails(
                pick(ModelField.DESCRIPTION, other, fields), pick(ModelField.TASK, other, fields),
                pick(ModelField.FRAMEWORK, other, fields), pick(ModelField.LICENSE, other, fields),
                pick(ModelField.URL, other, fields), pick(ModelField.CREATED, other, fields),
                pick(ModelField.SUCCESSOR, other, fields));
    }

    public ModelDetails withSuccessor(String successorDisplay) {
        return new ModelDetails(description, task, framework, license, url, created, successorDisplay);
    }

    /** The fields whose values differ from {@code other}'s. */
    public Set<ModelField> differences(ModelDetails other) {
        Set<ModelField> changed = EnumSet.noneOf(ModelField.class);
        for (ModelField field : ModelField.values()) {
            if (field != ModelField.STATUS && !get(field).equals(other.get(field))) {
                changed.add(field);
            }
        }
        return changed;
    }

    private boolean sameIn(ModelDetails other, Set<ModelField> fields) {
        for (ModelField field : fields) {
            if (field != ModelField.STATUS && !get(field).equals(other.get(field))) {
                return false;
            }
        }
        return true;
    }

    private String pick(ModelField field, ModelDetails other, Set<ModelField> fields) {
        return fields.contains(field) ? other.get(field) : get(field);
    }
}

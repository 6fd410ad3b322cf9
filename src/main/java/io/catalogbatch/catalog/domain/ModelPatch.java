package io.catalogbatch.catalog.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a row says about a model: values for the fields whose columns are present, nothing about the
 * others. An empty value in a present column clears that field.
 */
public record ModelPatch(ModelDetails details, Status status, Set<ModelField> present) {

    public ModelPatch {
        // An enum set: sets(field) is asked several times for every row, and a bit test beats a hash probe.
        present = Collections.unmodifiableSet(
                present.isEmpty() ? EnumSet.noneOf(ModelField.class) : EnumSet.copyOf(present));
    }

    /** A patch that sets every field. */
    public static ModelPatch of(ModelDetails details, Status status) {
        return new ModelPatch(details, status, EnumSet.allOf(ModelField.class));
    }

    public boolean sets(ModelField field) {
        return present.contains(field);
    }

    public Set<ModelField> presentDetails() {
        Set<ModelField> fields = present.isEmpty() ? EnumSet.noneOf(ModelField.class) : EnumSet.copyOf(present);
        fields.remove(ModelField.STATUS);
        return fields;
    }

    /** The key of the model this patch names as successor, if it sets one: the handler will read that model. */
    public Optional<String> successorKey() {
        return sets(ModelField.SUCCESSOR) && !details.successor().isEmpty()
                ? Optional.of(ModelName.keyOf(details.successor()))
                : Optional.empty();
    }

    public ModelPatch withSuccessor(String successorDisplay) {
        return new ModelPatch(details.withSuccessor(successorDisplay), status, present);
    }
}

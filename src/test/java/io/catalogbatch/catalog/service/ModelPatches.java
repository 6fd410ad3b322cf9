package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.Status;
import java.util.EnumMap;
import java.util.Map;

/** Builds the patch a row would carry: only the fields set here are present. */
final class ModelPatches {

    private final Map<ModelField, String> values = new EnumMap<>(ModelField.class);
    private Status status = Status.ACTIVE;

    private ModelPatches() {
    }

    static ModelPatches patch() {
        return new ModelPatches();
    }

    /** A patch with no column present: it changes nothing on an existing model. */
    static ModelPatch nothing() {
        return patch().build();
    }

    ModelPatches set(ModelField field, String value) {
        values.put(field, value);
        return this;
    }

    ModelPatches description(String value) {
        return set(ModelField.DESCRIPTION, value);
    }

    ModelPatches task(String value) {
        return set(ModelField.TASK, value);
    }

    ModelPatches framework(String value) {
        return set(ModelField.FRAMEWORK, value);
    }

    ModelPatches license(String value) {
        return set(ModelField.LICENSE, value);
    }

    ModelPatches created(String value) {
        return set(ModelField.CREATED, value);
    }

    ModelPatches successor(String value) {
        return set(ModelField.SUCCESSOR, value);
    }

    ModelPatches status(Status value) {
        status = value;
        values.put(ModelField.STATUS, value.code());
        return this;
    }

    ModelPatch build() {
        ModelDetails details = new ModelDetails(get(ModelField.DESCRIPTION), get(ModelField.TASK),
                get(ModelField.FRAMEWORK), get(ModelField.LICENSE), get(ModelField.URL), get(ModelField.CREATED),
                get(ModelField.SUCCESSOR));
        return new ModelPatch(details, status, values.keySet());
    }

    private String get(ModelField field) {
        return values.getOrDefault(field, "");
    }
}

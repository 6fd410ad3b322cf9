package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.BadSuccessor;
import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The successor rules: it must name another stored model, and must not close a cycle of successors. */
final class Successors {

    private Successors() {
    }

    /** The patch with its successor resolved to the stored display name, or {@link BadSuccessor}. */
    static ModelPatch resolve(Models models, ModelName subject, ModelPatch patch) {
        String successor = patch.details().successor();
        if (!patch.sets(ModelField.SUCCESSOR) || successor.isEmpty()) {
            return patch;
        }
        ModelName target = ModelName.of(successor);
        if (target.sameModelAs(subject)) {
            throw new BadSuccessor("successor", String.format("\"%s\" cannot be its own successor", subject));
        }
        Model targetModel = models.get(target.key()).orElseThrow(() -> new BadSuccessor("successor", String.format(
                "successor \"%s\" names no model in the catalog; add that model first or leave the cell empty",
                successor)));
        checkNoCycle(models, subject, targetModel);
        return patch.withSuccessor(targetModel.name().display());
    }

    private static void checkNoCycle(Models models, ModelName subject, Model target) {
        Set<String> visited = new HashSet<>();
        Optional<Model> next = Optional.of(target);
        while (next.isPresent() && visited.add(next.get().name().key())) {
            String successor = next.get().details().successor();
            if (successor.isEmpty()) {
                return;
            }
            if (ModelName.keyOf(successor).equals(subject.key())) {
                throw new BadSuccessor("successor", String.format(
                        "successor \"%s\" would close a cycle: it is already replaced, through its successors, by \"%s\"",
                        target.name(), subject));
            }
            next = models.get(ModelName.keyOf(successor));
        }
    }
}

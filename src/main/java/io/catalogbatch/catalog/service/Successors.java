package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.BadSuccessor;
import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The successor rules: it must name another model, stored or added by a later row of the same file that
 * will be imported, and must not close a cycle of successors (checked in file order: the row that would
 * close one is rejected, and so is every row whose successor is a rejected row).
 */
final class Successors {

    private final ForwardReferences forward;

    Successors(ForwardReferences forward) {
        this.forward = forward;
    }

    /** The patch with its successor resolved to the target's display name, or {@link BadSuccessor}. */
    ModelPatch resolve(Models models, ModelName subject, ModelPatch patch) {
        String successor = patch.details().successor();
        if (!patch.sets(ModelField.SUCCESSOR) || successor.isEmpty()) {
            return patch;
        }
        ModelName target = ModelName.of(successor);
        if (target.sameModelAs(subject)) {
            throw new BadSuccessor("successor", String.format("\"%s\" cannot be its own successor", subject));
        }
        Optional<Model> targetModel = models.get(target.key());
        if (targetModel.isEmpty()) {
            String later = forward.displayName(target.key()).orElseThrow(() -> new BadSuccessor("successor",
                    String.format("successor \"%s\" names no model of the catalog, nor a row of this file that "
                            + "is imported (its own row may be rejected); add that model or leave the cell empty",
                            successor)));
            return patch.withSuccessor(later);
        }
        checkNoCycle(models, subject, targetModel.get());
        return patch.withSuccessor(targetModel.get().name().display());
    }

    private void checkNoCycle(Models models, ModelName subject, Model target) {
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

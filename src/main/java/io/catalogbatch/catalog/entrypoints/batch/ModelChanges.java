package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.events.ModelAdded;
import io.catalogbatch.catalog.domain.events.ModelDetailsChanged;
import io.catalogbatch.catalog.domain.events.ModelEvent;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import io.catalogbatch.catalog.domain.events.ModelUntagged;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.service.Handler;
import java.util.List;
import java.util.stream.Collectors;

/** Records every model event of a run as a line of {@code changes.csv}: model, event, detail, revision. */
public final class ModelChanges implements Handler<ModelEvent> {

    public static final List<String> COLUMNS = List.of("model", "event", "detail", "revision");

    private final ChangesFile changes;

    public ModelChanges(ChangesFile changes) {
        this.changes = changes;
    }

    @Override
    public void handle(ModelEvent event) {
        changes.record(List.of(event.name().display(), event.getClass().getSimpleName(), detail(event),
                Long.toString(event.revision())));
    }

    static String detail(ModelEvent event) {
        if (event instanceof ModelAdded added) {
            return added.status().code();
        }
        if (event instanceof ModelDetailsChanged changed) {
            return changed.changed().stream().sorted().map(ModelField::column).collect(Collectors.joining(";"));
        }
        if (event instanceof ModelTagged tagged) {
            return tagged.tag().value();
        }
        if (event instanceof ModelUntagged untagged) {
            return untagged.tag().value();
        }
        return "";
    }
}

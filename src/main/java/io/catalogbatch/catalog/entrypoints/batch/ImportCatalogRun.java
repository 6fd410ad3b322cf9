package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.domain.commands.UpdateModelDetails;
import io.catalogbatch.catalog.domain.events.ModelEvent;
import io.catalogbatch.catalog.service.CatalogBootstrap;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.ForwardReferences;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.batch.ImportedFile;
import io.catalogbatch.shared.batch.InputRows;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.csv.RowSource;
import io.catalogbatch.shared.service.Handler;
import io.catalogbatch.shared.service.MessageBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one import run works with: the store (or its dry-run stand-in), its input files ({@code models} is null
 * for a tags file imported alone), its change log, its list of the cells a spreadsheet program changed.
 */
record ImportCatalogRun(CatalogStore store, boolean replace, Path report, ImportedFile<AddModel> models,
                        ImportedFile<CatalogCommand> tags, ForwardReferences forward, ModelChanges changes,
                        IgnoredProgramChanges ignored) {

    ImportCatalogRun(CatalogStore store, boolean replace, Path report, ImportedFile<AddModel> models,
                     ImportedFile<CatalogCommand> tags, ForwardReferences forward, ChangesFile changes) {
        this(store, replace, report, models, tags, forward, new ModelChanges(changes),
                new IgnoredProgramChanges(report));
    }

    /**
     * A bus for one step (one bus, one unit of work per thread). In replace mode rows change no tag: the last
     * step sets each listed model's tags, and a tags row only has to name a model the catalog holds.
     */
    MessageBus bus() {
        List<Handler<ModelEvent>> events = List.of(changes);
        return replace ? CatalogBootstrap.replaceModeBus(store.unitOfWork(), events, forward, ignored)
                : CatalogBootstrap.bus(store.unitOfWork(), events, forward, ignored);
    }

    /**
     * Before a chunk is handled: the store may read the models its rows name in one go, and the successors
     * they name (each is read to check it; on a database, one query per row otherwise).
     */
    void prefetch(List<? extends CatalogCommand> commands) {
        List<String> keys = new ArrayList<>(commands.size());
        for (CatalogCommand command : commands) {
            keys.add(command.name().key());
            ModelPatch patch = command instanceof AddModel add ? add.patch()
                    : command instanceof UpdateModelDetails update ? update.patch() : null;
            if (patch != null) {
                Optional<String> successor = patch.successorKey();
                if (successor.isPresent()) {
                    keys.add(successor.get());
                }
            }
        }
        store.prefetch(keys);
    }

    /** The errors file of an input file, opened again to append (the replace step reports into both). */
    RejectsFile rejectsOf(ImportedFile<?> file) {
        try (RowSource source = InputRows.open(file.file(), file.options())) {
            return new RejectsFile(report.resolve(file == models ? "models.errors.csv" : "tags.errors.csv"),
                    source.header());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.file() + " again", e);
        }
    }
}

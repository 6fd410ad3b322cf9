package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.commands.CopyModel;
import io.catalogbatch.shared.service.MessageBus;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** The migration's writer: each model of the source, as it is, through the target catalog's bus. */
public final class CopyModelsWriter implements ItemWriter<ModelSnapshot> {

    private final MessageBus bus;

    public CopyModelsWriter(MessageBus bus) {
        this.bus = bus;
    }

    @Override
    public void write(Chunk<? extends ModelSnapshot> chunk) {
        chunk.forEach(model -> bus.handle(new CopyModel(model)));
    }
}

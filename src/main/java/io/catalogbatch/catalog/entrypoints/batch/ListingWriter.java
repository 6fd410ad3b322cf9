package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.entrypoints.batch.ListedTagsOfFiles.ListedRow;
import io.catalogbatch.catalog.service.ListedTags;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.MessageBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Replace mode's last step: reports the add rows refused for the tag limit, and hands each listed model's
 * {@code ReplaceTags} to the bus (a refusal is reported at the row that listed the model). The errors files
 * it appends to are closed when the step ends.
 */
final class ListingWriter implements ItemWriter<ListedTags.Listing<ListedRow>>, StepExecutionListener {

    private final MessageBus bus;
    private final RejectsFile modelRejects;
    private final RejectsFile tagRejects;

    /** {@code modelRejects} or {@code tagRejects} may be null: a run without that file. */
    ListingWriter(MessageBus bus, RejectsFile modelRejects, RejectsFile tagRejects) {
        this.bus = bus;
        this.modelRejects = modelRejects;
        this.tagRejects = tagRejects;
    }

    @Override
    public void write(Chunk<? extends ListedTags.Listing<ListedRow>> chunk) {
        for (ListedTags.Listing<ListedRow> listing : chunk) {
            for (ListedTags.Refused<ListedRow> over : listing.overLimit()) {
                over.row().rejects().reject(over.row().row(), over.reason());
            }
            try {
                bus.handle(listing.command());
            } catch (DomainException broken) {
                listing.row().rejects().reject(listing.row().row(), broken);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        closeQuietly(modelRejects);
        closeQuietly(tagRejects);
        return null;
    }

    private static void closeQuietly(RejectsFile rejects) {
        try {
            if (rejects != null) {
                rejects.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

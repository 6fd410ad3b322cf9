package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ProgramChange;
import io.catalogbatch.shared.domain.Event;

/**
 * A cell of a row that came back from a spreadsheet program was not applied: it differs from the stored value
 * only as the program makes it differ ({@link ProgramChange}), so the model keeps its value. Not a change of the
 * model (no revision, not a {@link ModelEvent}): the run lists it so that the user sees it.
 *
 * @param column the column of the cell: a model field's ({@code license}), or {@code tag} for a tags row
 * @param line the row's line (or sheet row) in its file
 */
public record ProgramChangeIgnored(ModelName name, String column, ProgramChange change, long line)
        implements Event {
}

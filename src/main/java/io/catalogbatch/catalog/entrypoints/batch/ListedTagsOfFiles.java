package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UntagModel;
import io.catalogbatch.catalog.service.ListedTags;
import io.catalogbatch.shared.batch.ImportedFile;
import io.catalogbatch.shared.batch.InputRows;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.RowSource;
import io.catalogbatch.shared.domain.DomainException;
import java.io.IOException;
import java.util.List;

/**
 * What a run's files list for replace mode ({@link ListedTags}): the rows the run accepted, read again from the
 * input files and the rows their errors files report, so the answer is the same however often the run was
 * interrupted. Each row keeps the errors file that answers for it.
 */
final class ListedTagsOfFiles {

    /** A row of an input file and the errors file of that file. */
    record ListedRow(CsvRow row, RejectsFile rejects) {
    }

    private ListedTagsOfFiles() {
    }

    /** {@code models} or {@code tags} may be null: a run without that file. */
    static List<ListedTags.Listing<ListedRow>> of(ImportedFile<?> models, RejectsFile modelRejects,
                                                  ImportedFile<?> tags, RejectsFile tagRejects) throws IOException {
        ListedTags<ListedRow> listed = new ListedTags<>();
        try (RowSource source = models == null ? null : InputRows.open(models.file(), models.options())) {
            if (source != null && source.columns().containsKey("tags")) {
                boolean exported = ExportedWorkbook.exportedByCatalogBatch(source);
                for (CsvRow row = source.next(); row != null; row = source.next()) {
                    AddModel command = accepted(row, modelRejects, r -> new ModelRow(r, exported).toCommand());
                    if (command != null) {
                        listed.inline(command, new ListedRow(row, modelRejects));
                    }
                }
            }
        }
        if (tags != null) {
            try (RowSource source = InputRows.open(tags.file(), tags.options())) {
                for (CsvRow row = source.next(); row != null; row = source.next()) {
                    CatalogCommand command = accepted(row, tagRejects, r -> new TagRow(r).toCommand());
                    if (command instanceof TagModel add) {
                        listed.add(add, new ListedRow(row, tagRejects));
                    } else if (command instanceof UntagModel remove) {
                        listed.remove(remove, new ListedRow(row, tagRejects));
                    }
                }
            }
        }
        return listed.listings();
    }

    private interface ToCommand<C> {
        C apply(CsvRow row);
    }

    /** The row's command, or null for a row the run rejected (it lists nothing). */
    private static <C> C accepted(CsvRow row, RejectsFile rejects, ToCommand<C> toCommand) {
        if (row.hasProblem() || rejects.reported(row.line())) {
            return null;
        }
        try {
            return toCommand.apply(row);
        } catch (DomainException rejectedAlready) {
            return null;
        }
    }
}

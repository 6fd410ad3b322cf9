package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.Revision;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvRow;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A row of a models file (SPEC §4); only the columns the file has are set on the model. A row of a catalog-batch
 * export that came back ({@code exported}: a workbook with the export's mark, {@link ExportedWorkbook}, or a CSV
 * file with the mark column of a spreadsheet export) came back from a spreadsheet program: its cells are kept as
 * read for the handler ({@link SpreadsheetRow}), since an invalid cell may be a program's change of the stored
 * value, and its tags cell, when it has one, is the model's whole tag set. Any other row's tags cell adds tags.
 */
public record ModelRow(CsvRow row, boolean exported) {

    public ModelRow {
        exported = exported || row.has(CsvFlavour.MARK_KEY);
    }

    /** A row of a file that is not a workbook: an export when it has the mark column of a spreadsheet export. */
    public ModelRow(CsvRow row) {
        this(row, false);
    }

    /** The characters that separate tags in a models row's tags cell. */
    public static final String TAGS_SEPARATORS = ";,|";

    private static final ModelField[] FIELDS = ModelField.values();

    /** The key of the row's command, without building it: the model's name. */
    public static String key(CsvRow row) {
        return ModelName.of(row.get("name")).key();
    }

    public AddModel toCommand() {
        ModelName name = ModelName.of(row.get("name"));
        Set<ModelField> present = EnumSet.noneOf(ModelField.class);
        for (ModelField field : FIELDS) {
            if (row.has(field.column())) {
                present.add(field);
            }
        }
        if (exported) {
            Map<ModelField, String> cells = new EnumMap<>(ModelField.class);
            for (ModelField field : present) {
                if (field != ModelField.STATUS) {
                    cells.put(field, row.get(field.column()));
                }
            }
            SpreadsheetRow.Read read = SpreadsheetRow.read(row.line(), cells, Status.of(row.get("status")), present);
            return new AddModel(name, read.patch(), tags(), Revision.expected(row.get("revision")), row.has("tags"),
                    read.row());
        }
        ModelDetails details = new ModelDetails(row.get("description"), row.get("task"), row.get("framework"),
                row.get("license"), row.get("url"), row.get("created"), row.get("successor"));
        Status status = Status.of(row.get("status"));
        return new AddModel(name, new ModelPatch(details, status, present), tags(),
                Revision.expected(row.get("revision")));
    }

    /** The tags cell split at any of {@link #TAGS_SEPARATORS}, blank elements left out. */
    private Set<Tag> tags() {
        String cell = row.get("tags");
        if (cell.isEmpty()) {
            return Set.of();
        }
        Set<Tag> tags = new LinkedHashSet<>();
        int start = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || TAGS_SEPARATORS.indexOf(cell.charAt(i)) >= 0) {
                String element = cell.substring(start, i);
                if (!element.isBlank()) {
                    tags.add(Tag.of(element));
                }
                start = i + 1;
            }
        }
        return tags;
    }
}

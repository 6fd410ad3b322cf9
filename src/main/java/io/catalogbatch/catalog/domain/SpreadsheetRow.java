package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.InvalidValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a models row came from, for the rules of files that came back from a spreadsheet program (issue #21
 * items 4 and 5: a marked CSV export, a workbook exported by catalog-batch). Such a row keeps the cells of its
 * detail fields as read, the invalid ones too: whether a cell is the user's edit or the program's doing
 * ({@link ProgramChange}) is only known against the stored model. {@link #NONE}: a row of any other file.
 *
 * @param line the row's line (or sheet row), for the report of what was not applied
 */
public record SpreadsheetRow(boolean cameBack, long line, Map<ModelField, String> cells,
                             Map<ModelField, InvalidValue> invalid) {

    public static final SpreadsheetRow NONE = new SpreadsheetRow(false, 0, Map.of(), Map.of());

    public SpreadsheetRow {
        cells = cells.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(cells));
        invalid = invalid.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(invalid));
    }

    /** A row of a file that came back from a spreadsheet program that sets no model field (a tags row). */
    public static SpreadsheetRow at(long line) {
        return new SpreadsheetRow(true, line, Map.of(), Map.of());
    }

    /** A row read from a file that came back from a spreadsheet program, and the patch of its valid cells. */
    public record Read(SpreadsheetRow row, ModelPatch patch) {
    }

    /**
     * The row of a file that came back from a spreadsheet program, with its detail cells ({@code cells}: the
     * present detail fields only). An invalid cell is left out of the patch and kept with its error: it rejects
     * the row unless it is a program's change of the stored value.
     */
    public static Read read(long line, Map<ModelField, String> cells, Status status, Set<ModelField> present) {
        Map<ModelField, String> values = new EnumMap<>(ModelField.class);
        for (ModelField field : ModelField.values()) {
            if (field != ModelField.STATUS) {
                values.put(field, cells.getOrDefault(field, ""));
            }
        }
        Map<ModelField, InvalidValue> invalid = new EnumMap<>(ModelField.class);
        ModelDetails details = null;
        while (details == null) {
            try {
                details = new ModelDetails(values.get(ModelField.DESCRIPTION), values.get(ModelField.TASK),
                        values.get(ModelField.FRAMEWORK), values.get(ModelField.LICENSE), values.get(ModelField.URL),
                        values.get(ModelField.CREATED), values.get(ModelField.SUCCESSOR));
            } catch (InvalidValue e) {
                ModelField field = fieldOf(e);
                invalid.put(field, e);
                values.put(field, "");
            }
        }
        Set<ModelField> valid = present.isEmpty() ? EnumSet.noneOf(ModelField.class) : EnumSet.copyOf(present);
        valid.removeAll(invalid.keySet());
        return new Read(new SpreadsheetRow(true, line, cells, invalid), new ModelPatch(details, status, valid));
    }

    private static ModelField fieldOf(InvalidValue e) {
        for (ModelField field : ModelField.values()) {
            if (field.column().equals(e.field())) {
                return field;
            }
        }
        throw e;
    }

    /** What a row says about a stored model once the program's changes are left out. */
    public record Applicable(ModelPatch patch, List<Ignored> ignored) {
        public Applicable {
            ignored = List.copyOf(ignored);
        }
    }

    /** A cell left as stored: the program changed it. */
    public record Ignored(ModelField field, ProgramChange change) {
    }

    /**
     * The patch without the cells that differ from {@code stored} only as a spreadsheet program makes them differ
     * (those are listed); an invalid cell that is no such change rejects the row as it would in any file.
     */
    public Applicable applicableTo(ModelDetails stored, ModelPatch patch) {
        if (!cameBack) {
            return new Applicable(patch, List.of());
        }
        Set<ModelField> applied = patch.present().isEmpty() ? EnumSet.noneOf(ModelField.class)
                : EnumSet.copyOf(patch.present());
        List<Ignored> ignored = new ArrayList<>();
        for (ModelField field : ModelField.values()) {
            if (field == ModelField.STATUS || !cells.containsKey(field)) {
                continue;
            }
            boolean valid = !invalid.containsKey(field);
            String storedValue = stored.get(field);
            if (valid && patch.details().get(field).equals(storedValue)) {
                continue;
            }
            var change = ProgramChange.between(storedValue, cells.get(field));
            if (change.isPresent()) {
                applied.remove(field);
                ignored.add(new Ignored(field, change.get()));
            } else if (!valid) {
                throw invalid.get(field);
            }
        }
        return new Applicable(new ModelPatch(patch.details(), patch.status(), applied), ignored);
    }

    /** A row for a model not stored yet: its first invalid cell rejects it. */
    public void requireValid() {
        for (ModelField field : ModelField.values()) {
            if (invalid.containsKey(field)) {
                throw invalid.get(field);
            }
        }
    }
}

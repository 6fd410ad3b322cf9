package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.commands.AddModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The successor rule in file order (SPEC §8): a successor may name a model that a row further down the same
 * models file adds. Which models those are is worked out once for the whole file, from what the file says (the
 * command of each of its valid rows, in file order), on the first successor that names a model not stored yet
 * (most files never need it). The answer does not depend on how far the import got, nor in which order its
 * chunks ran: only on the file and on the models the catalog held when it was asked.
 *
 * <p>A row counts only when the import will accept it, or an earlier row would be stored naming a model that
 * never comes (and a raw export of the catalog would not import back). A new model's row is refused by its
 * own successor: empty, a stored model, or another counted row of the file, never itself, and never closing a
 * cycle among the file's rows (in file order, the row that would close one is refused, and with it every row
 * whose successor chain leads to a refused row). A row whose values are invalid never reaches this class.
 */
public final class NamesAhead implements ForwardReferences {

    /** What a models file says: the command of each row whose values are valid, in file order, read on demand. */
    @FunctionalInterface
    public interface ModelsFile {

        void forEachValidRow(Consumer<AddModel> row);
    }

    /** The first valid row of a model the catalog does not hold: its spelling and its successor's key. */
    private record NewModel(String display, String successorKey) {
    }

    /** Rows whose keys are looked up in the catalog together. */
    private static final int ROWS_PER_LOOKUP = 1_000;

    private final ModelsFile file;
    private final Function<Collection<String>, Set<String>> storedAmong;
    private Map<String, String> names;

    /**
     * {@code storedAmong}: which of these name keys the catalog holds now (asked for many at once: one query
     * per row of a million-row file cost a database catalog half a minute).
     */
    public NamesAhead(ModelsFile file, Function<Collection<String>, Set<String>> storedAmong) {
        this.file = file;
        this.storedAmong = storedAmong;
    }

    @Override
    public Optional<String> displayName(String key) {
        if (names == null) {
            names = accepted(newModels());
        }
        return Optional.ofNullable(names.get(key));
    }

    /** Per key, in file order, the rows that could add the model: those whose values and tags are valid. */
    private Map<String, List<NewModel>> newModels() {
        Map<String, List<NewModel>> found = new LinkedHashMap<>();
        List<AddModel> valid = new ArrayList<>(ROWS_PER_LOOKUP);
        file.forEachValidRow(command -> {
            valid.add(command);
            if (valid.size() == ROWS_PER_LOOKUP) {
                addUnstored(valid, found);
            }
        });
        addUnstored(valid, found);
        return found;
    }

    /** The rows, in file order, of models the catalog does not hold; empties {@code rows}. */
    private void addUnstored(List<AddModel> rows, Map<String, List<NewModel>> found) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> stored = storedAmong.apply(rows.stream().map(command -> command.name().key()).toList());
        for (AddModel command : rows) {
            String key = command.name().key();
            if (!stored.contains(key)) {
                String successor = command.patch().sets(ModelField.SUCCESSOR)
                        ? command.patch().details().successor() : "";
                found.computeIfAbsent(key, k -> new ArrayList<>()).add(new NewModel(command.name().display(),
                        successor.isEmpty() ? "" : ModelName.keyOf(successor)));
            }
        }
        rows.clear();
    }

    /** The new models whose first acceptable row the import will accept (a refused row claims nothing). */
    private Map<String, String> accepted(Map<String, List<NewModel>> rows) {
        Map<String, String> accepted = new HashMap<>();
        Set<String> refused = new HashSet<>();
        for (String key : rows.keySet()) {
            decide(key, rows, accepted, refused, new HashSet<>());
        }
        return accepted;
    }

    private boolean isStored(String key) {
        return storedAmong.apply(List.of(key)).contains(key);
    }

    private boolean decide(String key, Map<String, List<NewModel>> rows, Map<String, String> accepted,
                           Set<String> refused, Set<String> deciding) {
        if (accepted.containsKey(key)) {
            return true;
        }
        if (refused.contains(key) || !deciding.add(key)) {
            return false; // refused, or its chain comes back to it: this row would close the cycle
        }
        for (NewModel row : rows.get(key)) {
            String target = row.successorKey();
            boolean ok = target.isEmpty() || !target.equals(key) && (isStored(target)
                    || rows.containsKey(target) && decide(target, rows, accepted, refused, deciding));
            if (ok) {
                accepted.put(key, row.display());
                deciding.remove(key);
                return true;
            }
        }
        refused.add(key);
        deciding.remove(key);
        return false;
    }
}

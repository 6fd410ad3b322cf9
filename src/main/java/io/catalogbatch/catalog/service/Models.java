package io.catalogbatch.catalog.service;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.UnknownModel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The repository port of the catalog. It remembers every model it handed out or was given, so that its
 * unit of work can write the changed ones and collect their events; stores implement {@link #load}.
 */
public abstract class Models {

    private final Map<String, Model> seen = new LinkedHashMap<>();

    public final void add(Model model) {
        seen.put(model.name().key(), model);
    }

    /** The model with this name key, the same object for every call within one unit of work. */
    public final Optional<Model> get(String key) {
        Model model = seen.get(key);
        if (model != null) {
            return Optional.of(model);
        }
        Optional<Model> loaded = load(key);
        loaded.ifPresent(found -> seen.put(key, found));
        return loaded;
    }

    /** The model, or {@link UnknownModel} naming the field the name came from. */
    public final Model require(ModelName name, String field) {
        return get(name.key()).orElseThrow(() -> UnknownModel.named(field, name));
    }

    public final Collection<Model> seen() {
        return seen.values();
    }

    public final void forgetSeen() {
        seen.clear();
    }

    /** Reads one model from the store, as last committed (this unit of work's changes aside). */
    protected abstract Optional<Model> load(String key);
}

package io.catalogbatch.catalog.adapters.xlsx;

import io.catalogbatch.catalog.adapters.csv.CatalogCsvLayout;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.InMemorySearch;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A catalog's read side over a list of models (a fake for the workbook's tests), in name key order. */
final class ListedCatalog implements CatalogQueries {

    private final List<ModelSnapshot> models = new ArrayList<>();
    int passes;

    /** Adds a model from the cells of models.csv (revision last) and its tags separated by {@code ;}. */
    ListedCatalog add(String tags, String... cells) {
        List<Tag> parsed = tags.isEmpty() ? List.of() : Arrays.stream(tags.split(";")).map(Tag::of).toList();
        models.add(CatalogCsvLayout.model(List.of(cells), parsed));
        models.sort(Comparator.comparing(ModelSnapshot::key));
        return this;
    }

    @Override
    public List<SearchHit> search(ModelQuery query) {
        return InMemorySearch.search(models, query);
    }

    @Override
    public Optional<ModelSnapshot> find(String key) {
        return models.stream().filter(model -> model.key().equals(key)).findFirst();
    }

    @Override
    public void forEachModel(Consumer<ModelSnapshot> action) {
        passes++;
        models.forEach(action);
    }

    @Override
    public long countModels() {
        return models.size();
    }

    @Override
    public List<ModelSnapshot> modelsAfter(String afterKey, int limit) {
        return models.stream().filter(model -> model.key().compareTo(afterKey) > 0).limit(limit).toList();
    }
}

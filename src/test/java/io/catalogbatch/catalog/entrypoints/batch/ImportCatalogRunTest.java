package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UpdateModelDetails;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportCatalogRunTest {

    /** The keys each read-ahead asked for. */
    private final List<List<String>> readAhead = new ArrayList<>();

    private final CatalogStore store = new CatalogStore() {
        @Override
        public void prefetch(Collection<String> keys) {
            readAhead.add(List.copyOf(keys));
        }

        @Override
        public CatalogUnitOfWork unitOfWork() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CatalogQueries queries() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    };

    @Test
    void a_chunk_reads_ahead_the_models_its_rows_name_and_the_successors_they_name() {
        ImportCatalogRun run = new ImportCatalogRun(store, false, null, null, null, null, (ModelChanges) null, null);

        run.prefetch(List.of(
                new AddModel(ModelName.of("Old-Model"), patch("New-Model"), Set.of()),
                new AddModel(ModelName.of("plain"), patch(""), Set.of()),
                new UpdateModelDetails(ModelName.of("older"), new ModelPatch(details("Old-Model"), Status.ACTIVE,
                        EnumSet.of(ModelField.SUCCESSOR))),
                new UpdateModelDetails(ModelName.of("described"), new ModelPatch(details("Elsewhere"),
                        Status.ACTIVE, EnumSet.of(ModelField.DESCRIPTION))),
                new TagModel(ModelName.of("tagged"), Tag.of("nlp"))));

        assertThat(readAhead).containsExactly(
                List.of("old-model", "new-model", "plain", "older", "old-model", "described", "tagged"));
    }

    private static ModelPatch patch(String successor) {
        return new ModelPatch(details(successor), Status.DEPRECATED, EnumSet.allOf(ModelField.class));
    }

    private static ModelDetails details(String successor) {
        return new ModelDetails("d", "", "", "", "", "", successor);
    }
}

package io.catalogbatch.catalog.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.service.ConcurrentModelUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class InMemoryCatalogTest {

    private final InMemoryCatalog catalog = new InMemoryCatalog();

    private static ModelSnapshot model(String name, long revision) {
        return new ModelSnapshot(ModelName.of(name), new ModelDetails("d", "", "", "", "", "", ""), Status.ACTIVE,
                revision, new TreeSet<>());
    }

    private static Map<String, Long> loaded(Object... keysAndRevisions) {
        Map<String, Long> revisions = new HashMap<>();
        for (int i = 0; i < keysAndRevisions.length; i += 2) {
            revisions.put((String) keysAndRevisions[i], ((Number) keysAndRevisions[i + 1]).longValue());
        }
        return revisions;
    }

    private static List<String> keys(InMemoryCatalog catalog) {
        List<String> keys = new ArrayList<>();
        catalog.forEach(model -> keys.add(model.key()));
        return keys;
    }

    @Test
    void a_staged_model_is_seen_by_the_chunk_and_becomes_durable_only_when_kept() {
        catalog.stage(List.of(model("b", 1)), loaded("b", 0));

        assertThat(catalog.getStaged("b")).isEqualTo(model("b", 1));
        assertThat(catalog.get("b")).isNull();
        assertThat(catalog.size()).isZero();

        catalog.keepStaged();

        assertThat(catalog.get("b")).isEqualTo(model("b", 1));
        assertThat(catalog.hasStaged()).isFalse();
    }

    @Test
    void dropped_staged_models_never_become_durable() {
        catalog.keep(model("a", 1));
        catalog.stage(List.of(model("a", 2)), loaded("a", 1));

        catalog.dropStaged();

        assertThat(catalog.getStaged("a").revision()).isEqualTo(1);
        assertThat(catalog.hasStaged()).isFalse();
    }

    @Test
    void a_unit_of_work_that_loaded_an_older_revision_stages_nothing() {
        catalog.keep(model("a", 2));

        assertThatThrownBy(() -> catalog.stage(List.of(model("new", 1), model("a", 2)), loaded("new", 0, "a", 1)))
                .isInstanceOf(ConcurrentModelUpdate.class);
        assertThat(catalog.hasStaged()).isFalse();
    }

    @Test
    void the_revision_checked_is_the_staged_one_within_a_chunk() {
        catalog.stage(List.of(model("a", 1)), loaded("a", 0));

        catalog.stage(List.of(model("a", 2)), loaded("a", 1));

        assertThat(catalog.getStaged("a").revision()).isEqualTo(2);
        assertThatThrownBy(() -> catalog.stage(List.of(model("a", 2)), loaded("a", 0)))
                .isInstanceOf(ConcurrentModelUpdate.class);
    }

    @Test
    void models_are_read_in_key_order_also_after_new_keys_came_in() {
        catalog.keep(model("b", 1));
        catalog.keep(model("d", 1));
        assertThat(keys(catalog)).containsExactly("b", "d");

        catalog.keep(model("c", 1));
        catalog.keep(model("a", 1));

        assertThat(keys(catalog)).containsExactly("a", "b", "c", "d");
        assertThat(catalog.after("b", 10)).extracting(ModelSnapshot::key).containsExactly("c", "d");
        assertThat(catalog.after("bb", 1)).extracting(ModelSnapshot::key).containsExactly("c");
        assertThat(catalog.inKeyOrder(3, 5)).extracting(ModelSnapshot::key).containsExactly("d");
        assertThat(catalog.inKeyOrder(4, 5)).isEmpty();
    }

    @Test
    void a_cache_read_out_of_key_order_is_sorted_when_read_in_order() {
        catalog.adopt(CatalogContent.fromCache(List.of(model("a", 1), model("c", 1), model("b", 1))));
        assertThat(keys(catalog)).containsExactly("a", "b", "c");

        CatalogContent inOrder = CatalogContent.fromCache(List.of(model("a", 1), model("b", 1)));
        assertThat(inOrder.keysInOrder()).containsExactly("a", "b");
        assertThat(inOrder.fromCache()).isTrue();
        assertThat(inOrder.outOfForm()).isFalse();
    }

    @Test
    void adopting_what_was_read_replaces_everything_held() {
        catalog.keep(model("old", 1));
        catalog.stage(List.of(model("staged", 1)), loaded("staged", 0));

        catalog.adopt(CatalogContent.fromCache(List.of(model("new", 1))));

        assertThat(keys(catalog)).containsExactly("new");
        assertThat(catalog.hasStaged()).isFalse();
    }
}

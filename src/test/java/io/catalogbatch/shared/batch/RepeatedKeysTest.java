package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedKeysTest {

    @TempDir
    Path dir;

    @Test
    void before_a_file_is_checked_any_key_may_repeat() {
        assertThat(RepeatedKeys.ANY.mayRepeat("org/model")).isTrue();
        assertThat(RepeatedKeys.ANY.count()).isEqualTo(-1);
    }

    @Test
    void a_file_of_unique_keys_has_none_that_repeat() {
        try (RepeatedKeys.Collector keys = new RepeatedKeys.Collector(dir)) {
            for (int i = 0; i < 10_000; i++) {
                keys.add("org/model-" + i);
            }
            RepeatedKeys repeated = keys.finish();
            assertThat(repeated.count()).isZero();
            assertThat(repeated.mayRepeat("org/model-1")).isFalse();
        }
    }

    @Test
    void an_empty_file_has_none() {
        try (RepeatedKeys.Collector keys = new RepeatedKeys.Collector(dir)) {
            assertThat(keys.finish().count()).isZero();
        }
    }

    /** Blocks of 8 fingerprints: most of them go to the spill file and back. */
    @Test
    void finds_exactly_the_keys_that_came_more_than_once_also_when_they_spill_to_disk() throws IOException {
        for (int blockSize : new int[] {8, RepeatedKeys.Collector.MEMORY_FINGERPRINTS / 64}) {
            Random random = new Random(5);
            Map<String, Integer> counts = new HashMap<>();
            try (RepeatedKeys.Collector keys = new RepeatedKeys.Collector(dir, blockSize)) {
                for (int i = 0; i < 200_000; i++) {
                    String key = "org/m-" + random.nextInt(150_000) + (random.nextInt(50) == 0 ? "é日本" : "");
                    keys.add(key);
                    counts.merge(key, 1, Integer::sum);
                }
                RepeatedKeys repeated = keys.finish();
                long expected = counts.values().stream().filter(count -> count > 1).count();
                assertThat(repeated.count()).as("block size %d", blockSize).isEqualTo(expected);
                counts.forEach((key, count) -> assertThat(repeated.mayRepeat(key)).as(key).isEqualTo(count > 1));
                assertThat(keys.spilled()).isEqualTo(blockSize == 8);
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left).as("the spill file is gone").isEmpty();
            }
        }
    }

    @Test
    void keys_that_differ_in_any_character_have_different_fingerprints() {
        String[] keys = {"", "a", "A", "a\u0000", "\u0000a", "é", "e\u0301", "org/model\u0000nlp", "org/model\u0000nl",
                "org/mode\u0000lnlp", "\ud83d\ude00", "\ude00\ud83d"};
        assertThat(Stream.of(keys).map(RepeatedKeys::fingerprint).distinct()).hasSize(keys.length);
    }
}

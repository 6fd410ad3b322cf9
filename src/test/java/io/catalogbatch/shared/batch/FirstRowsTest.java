package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstRowsTest {

    @Test
    void the_first_line_to_claim_a_key_keeps_it() {
        FirstRows rows = new FirstRows();
        assertThat(rows.claimedBy("org/model")).isEmpty();
        rows.claim("org/model", 2);
        rows.claim("org/model", 9);
        assertThat(rows.claimedBy("org/model")).hasValue(2);
        assertThat(rows.claimedBy("org/model2")).isEmpty();
        assertThat(rows.claimedBy("org/mode")).isEmpty();
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void once_the_file_was_checked_only_keys_that_may_repeat_are_remembered() {
        RepeatedKeys repeated;
        try (RepeatedKeys.Collector keys = new RepeatedKeys.Collector(Path.of("unused"))) { // 3 keys: no spill
            keys.add("org/once");
            keys.add("org/twice");
            keys.add("org/twice");
            repeated = keys.finish();
        }
        FirstRows rows = new FirstRows();
        rows.onlyAmong(repeated);
        rows.claim("org/once", 2);
        rows.claim("org/twice", 3);
        assertThat(rows.claimedBy("org/once")).isEmpty();
        assertThat(rows.claimedBy("org/twice")).hasValue(3);
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void a_key_asked_about_before_the_check_finished_is_asked_about_again_after_it() {
        RepeatedKeys repeated;
        try (RepeatedKeys.Collector keys = new RepeatedKeys.Collector(Path.of("unused"))) {
            keys.add("org/once");
            repeated = keys.finish();
        }
        FirstRows rows = new FirstRows();
        String key = "org/once";
        assertThat(rows.claimedBy(key)).isEmpty(); // any key may repeat until the file was checked
        rows.onlyAmong(repeated);
        rows.claim(key, 2); // the same string: the answer given before the check no longer holds
        assertThat(rows.size()).isZero();
    }

    @Test
    void keys_that_differ_only_beyond_ascii_or_in_length_are_different_keys() {
        FirstRows rows = new FirstRows();
        String[] keys = {"", "a", "a\u0000", "é", "e\u0301", "\u00e9\u0000", "日本", "日本語", "\ud83d\ude00",
                "\ud83d", "\ude00", "\uffff", "\u0080", "\u07ff", "\u0800", "a\u0000tag", "a\u0000tag2"};
        for (int i = 0; i < keys.length; i++) {
            rows.claim(keys[i], i + 1);
        }
        for (int i = 0; i < keys.length; i++) {
            assertThat(rows.claimedBy(keys[i])).as(keys[i]).hasValue(i + 1);
        }
        assertThat(rows.size()).isEqualTo(keys.length);
    }

    @Test
    void a_key_longer_than_a_block_of_keys_gets_a_block_of_its_own() {
        FirstRows rows = new FirstRows();
        String huge = "é".repeat(400_000); // 1.2 MB encoded, more than a block
        rows.claim("before", 1);
        rows.claim(huge, 2);
        rows.claim("after", 3);
        rows.claim(huge.substring(1) + "e", 4);
        assertThat(rows.claimedBy(huge)).hasValue(2);
        assertThat(rows.claimedBy("before")).hasValue(1);
        assertThat(rows.claimedBy("after")).hasValue(3);
        assertThat(rows.claimedBy(huge.substring(1) + "e")).hasValue(4);
        assertThat(rows.claimedBy(huge.substring(1))).isEmpty();
    }

    /** Against a hash map, over enough random keys (many sharing a hash code) to grow every array many times. */
    @Test
    void answers_as_a_map_of_first_lines_would() {
        Random random = new Random(11);
        FirstRows rows = new FirstRows();
        Map<String, Long> expected = new HashMap<>();
        for (long line = 2; line < 300_000; line++) {
            String key = randomKey(random);
            OptionalLong before = rows.claimedBy(key);
            Long first = expected.get(key);
            assertThat(before).isEqualTo(first == null ? OptionalLong.empty() : OptionalLong.of(first));
            if (random.nextInt(10) > 0) { // a rejected row claims nothing
                rows.claim(key, line);
                expected.putIfAbsent(key, line);
            }
        }
        assertThat(rows.size()).isEqualTo(expected.size());
        expected.forEach((key, line) -> assertThat(rows.claimedBy(key)).hasValue(line));
    }

    private static String randomKey(Random random) {
        return switch (random.nextInt(4)) {
            // "Aa" and "BB" have the same hash code: keys made of them collide in every table size
            case 0 -> (random.nextBoolean() ? "Aa" : "BB") + (random.nextBoolean() ? "Aa" : "BB") + random.nextInt(50);
            case 1 -> "org/model-" + random.nextInt(200_000) + "\u0000tag-" + random.nextInt(5);
            case 2 -> "東京ai/モデル-" + random.nextInt(20_000);
            default -> Character.toString(0x80 + random.nextInt(0x10000 - 0x80)) + random.nextInt(1000);
        };
    }
}

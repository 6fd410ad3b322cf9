package io.catalogbatch.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ValuePoolTest {

    @Test
    void makes_a_value_once_while_it_has_room_then_makes_each_anew() {
        ValuePool<StringBuilder> pool = new ValuePool<>(2);
        AtomicInteger made = new AtomicInteger();
        StringBuilder a = pool.get("a", text -> {
            made.incrementAndGet();
            return new StringBuilder(text);
        });
        assertThat(pool.get("a", StringBuilder::new)).isSameAs(a);
        pool.get("b", StringBuilder::new);
        StringBuilder c = pool.get("c", StringBuilder::new);
        assertThat(pool.get("c", StringBuilder::new)).isNotSameAs(c).hasToString("c");
        assertThat(made).hasValue(1);
    }

    @Test
    void a_refused_value_is_refused_every_time() {
        ValuePool<String> pool = new ValuePool<>(10);
        AtomicInteger checks = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> pool.get("bad", text -> {
                checks.incrementAndGet();
                throw new IllegalArgumentException(text);
            })).hasMessage("bad");
        }
        assertThat(checks).hasValue(2);
    }
}

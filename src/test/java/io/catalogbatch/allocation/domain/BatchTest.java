package io.catalogbatch.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The book's batch tests (tests/unit/test_batches.py). */
class BatchTest {

    private static final Eta TODAY = Eta.on(LocalDate.of(2011, 1, 1));

    @Test
    void allocating_to_a_batch_reduces_the_available_quantity() {
        Batch batch = new Batch("batch-001", "SMALL-TABLE", 20, TODAY);
        batch.add(new OrderLine("order-ref", "SMALL-TABLE", 2));
        assertThat(batch.availableQuantity()).isEqualTo(18);
        assertThat(batch.allocatedQuantity()).isEqualTo(2);
    }

    @Test
    void can_allocate_if_available_greater_than_or_equal_to_required() {
        assertThat(new Batch("b", "ELEGANT-LAMP", 20, TODAY).canAllocate(new OrderLine("o", "ELEGANT-LAMP", 2))).isTrue();
        assertThat(new Batch("b", "ELEGANT-LAMP", 2, TODAY).canAllocate(new OrderLine("o", "ELEGANT-LAMP", 2))).isTrue();
    }

    @Test
    void cannot_allocate_if_available_smaller_than_required() {
        assertThat(new Batch("b", "ELEGANT-LAMP", 2, TODAY).canAllocate(new OrderLine("o", "ELEGANT-LAMP", 20)))
                .isFalse();
    }

    @Test
    void cannot_allocate_if_skus_do_not_match_even_by_case() {
        Batch batch = new Batch("b", "UNCOMFORTABLE-CHAIR", 100, Eta.NONE);
        assertThat(batch.canAllocate(new OrderLine("o", "EXPENSIVE-TOASTER", 10))).isFalse();
        assertThat(batch.canAllocate(new OrderLine("o", "uncomfortable-chair", 10))).isFalse();
    }

    @Test
    void adding_the_same_line_twice_counts_it_once_and_removing_gives_it_back() {
        Batch batch = new Batch("b", "ANGULAR-DESK", 20, TODAY);
        OrderLine line = new OrderLine("o", "ANGULAR-DESK", 2);
        batch.add(line);
        batch.add(line);
        assertThat(batch.availableQuantity()).isEqualTo(18);
        batch.remove(line);
        assertThat(batch.availableQuantity()).isEqualTo(20);
        assertThat(batch.allocations()).isEmpty();
    }

    @Test
    void a_batch_is_identified_by_its_ref() {
        assertThat(new Batch("b", "X", 1, Eta.NONE)).isEqualTo(new Batch("b", "Y", 2, TODAY))
                .isNotEqualTo(new Batch("B", "X", 1, Eta.NONE));
    }
}

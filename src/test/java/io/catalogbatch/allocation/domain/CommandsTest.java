package io.catalogbatch.allocation.domain;

import static io.catalogbatch.allocation.domain.AllocationAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.allocation.domain.commands.RestoreAllocation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Commands validate what they carry; {@code fromCells} checks a row's cells in column order. */
class CommandsTest {

    @Test
    void create_batch_from_cells() {
        assertThat(CreateBatch.fromCells(" b1 ", "s1", " 100", "2011-01-02"))
                .isEqualTo(new CreateBatch("b1", "s1", 100, Eta.on(LocalDate.of(2011, 1, 2))));
        assertThat(CreateBatch.fromCells("b1", "s1", "0", "")).isEqualTo(new CreateBatch("b1", "s1", 0, Eta.NONE));
    }

    @Test
    void create_batch_reports_the_first_bad_cell_in_column_order() {
        assertRejected(() -> CreateBatch.fromCells("", "", "x", "bad"), "missing-field", "ref");
        assertRejected(() -> CreateBatch.fromCells("b1", " ", "x", "bad"), "missing-field", "sku");
        assertRejected(() -> CreateBatch.fromCells("b1", "s1", "-5", "bad"), "bad-value", "qty");
        assertRejected(() -> CreateBatch.fromCells("b1", "s1", "", ""), "missing-field", "qty");
        assertRejected(() -> CreateBatch.fromCells("b1", "s1", "5", "2011/01/02"), "bad-date", "eta");
    }

    @Test
    void allocate_from_cells_trims_and_needs_a_positive_quantity() {
        Allocate allocate = Allocate.fromCells(" o1\u00A0", " s1", "3 ");
        assertThat(allocate).isEqualTo(new Allocate("o1", "s1", 3));
        assertThat(allocate.line()).isEqualTo(new OrderLine("o1", "s1", 3));
        assertRejected(() -> Allocate.fromCells("o1", "s1", "0"), "bad-value", "qty");
        assertRejected(() -> Allocate.fromCells("", "s1", "0"), "missing-field", "orderid");
        assertRejected(() -> new Allocate("o1", "s1", 0), "bad-value", "qty");
    }

    @Test
    void restore_allocation_from_cells_needs_a_batchref() {
        assertThat(RestoreAllocation.fromCells("o1", "s1", "3", " b1 ").batchref()).isEqualTo("b1");
        assertRejected(() -> RestoreAllocation.fromCells("o1", "s1", "3", ""), "missing-field", "batchref");
        assertRejected(() -> RestoreAllocation.fromCells("o1", "s1", "three", "b1"), "bad-value", "qty");
    }
}

package io.catalogbatch.allocation.domain;

import static io.catalogbatch.allocation.domain.AllocationAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.allocation.domain.events.Allocated;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The book's product tests (tests/unit/test_product.py) and the rules SPEC §2 adds. */
class ProductTest {

    private static final Eta TODAY = Eta.on(LocalDate.of(2011, 1, 1));
    private static final Eta TOMORROW = Eta.on(LocalDate.of(2011, 1, 2));
    private static final Eta LATER = Eta.on(LocalDate.of(2011, 1, 12));

    private static long available(Product product, String ref) {
        return product.batch(ref).orElseThrow().availableQuantity();
    }

    @Test
    void prefers_warehouse_batches_to_shipments() {
        Product product = new Product("RETRO-CLOCK");
        product.addBatch("shipment-batch", 100, TOMORROW);
        product.addBatch("in-stock-batch", 100, Eta.NONE);

        product.allocate(new OrderLine("oref", "RETRO-CLOCK", 10));

        assertThat(available(product, "in-stock-batch")).isEqualTo(90);
        assertThat(available(product, "shipment-batch")).isEqualTo(100);
    }

    @Test
    void prefers_earlier_batches() {
        Product product = new Product("MINIMALIST-SPOON");
        product.addBatch("normal-batch", 100, TOMORROW);
        product.addBatch("speedy-batch", 100, TODAY);
        product.addBatch("slow-batch", 100, LATER);

        product.allocate(new OrderLine("order1", "MINIMALIST-SPOON", 10));

        assertThat(available(product, "speedy-batch")).isEqualTo(90);
        assertThat(available(product, "normal-batch")).isEqualTo(100);
        assertThat(available(product, "slow-batch")).isEqualTo(100);
        assertThat(product.batchesInPreferenceOrder()).extracting(Batch::ref)
                .containsExactly("speedy-batch", "normal-batch", "slow-batch");
    }

    @Test
    void ties_go_to_the_batch_added_first() {
        Product product = new Product("LAMP");
        product.addBatch("second-warehouse", 5, Eta.NONE);
        product.addBatch("dated-b", 5, TODAY);
        product.addBatch("first-warehouse", 5, Eta.NONE);
        product.addBatch("dated-a", 5, TODAY);

        assertThat(product.batchesInPreferenceOrder()).extracting(Batch::ref)
                .containsExactly("second-warehouse", "first-warehouse", "dated-b", "dated-a");
        assertThat(product.allocate(new OrderLine("o1", "LAMP", 5))).contains("second-warehouse");
        assertThat(product.allocate(new OrderLine("o2", "LAMP", 5))).contains("first-warehouse");
        assertThat(product.allocate(new OrderLine("o3", "LAMP", 5))).contains("dated-b");
    }

    @Test
    void returns_the_allocated_batch_ref_and_records_allocated() {
        Product product = new Product("HIGHBROW-POSTER");
        product.addBatch("in-stock-batch-ref", 100, Eta.NONE);
        product.addBatch("shipment-batch-ref", 100, TOMORROW);

        assertThat(product.allocate(new OrderLine("oref", "HIGHBROW-POSTER", 10))).contains("in-stock-batch-ref");
        assertThat(product.pullEvents())
                .containsExactly(new Allocated("oref", "HIGHBROW-POSTER", 10, "in-stock-batch-ref"));
        assertThat(product.allocationOf(new OrderLine("oref", "HIGHBROW-POSTER", 10))).contains("in-stock-batch-ref");
    }

    @Test
    void a_line_goes_whole_to_a_later_batch_when_the_preferred_one_has_too_little() {
        Product product = new Product("SOFA");
        product.addBatch("warehouse", 5, Eta.NONE);
        product.addBatch("shipment", 20, TODAY);

        assertThat(product.allocate(new OrderLine("o1", "SOFA", 8))).contains("shipment");
        assertThat(available(product, "warehouse")).isEqualTo(5);
        assertThat(available(product, "shipment")).isEqualTo(12);
        assertThat(product.allocate(new OrderLine("o2", "SOFA", 5))).contains("warehouse");
    }

    @Test
    void a_line_is_never_split_it_fits_whole_or_records_out_of_stock() {
        Product product = new Product("SMALL-FORK");
        product.addBatch("batch1", 10, TODAY);
        product.addBatch("batch2", 10, TOMORROW);
        product.pullEvents();

        assertThat(product.allocate(new OrderLine("order1", "SMALL-FORK", 15))).isEmpty();

        assertThat(product.pullEvents()).containsExactly(new OutOfStock("SMALL-FORK"));
        assertThat(available(product, "batch1")).isEqualTo(10);
        assertThat(available(product, "batch2")).isEqualTo(10);
        assertThat(product.allocationOf(new OrderLine("order1", "SMALL-FORK", 15))).isEmpty();
    }

    @Test
    void records_out_of_stock_once_the_batches_are_used_up() {
        Product product = new Product("SMALL-FORK");
        product.addBatch("batch1", 10, TODAY);
        product.allocate(new OrderLine("order1", "SMALL-FORK", 10));
        product.pullEvents();

        assertThat(product.allocate(new OrderLine("order2", "SMALL-FORK", 1))).isEmpty();
        assertThat(product.pullEvents()).containsExactly(new OutOfStock("SMALL-FORK"));
    }

    @Test
    void a_product_without_batches_is_out_of_stock() {
        Product product = new Product("EMPTY");
        assertThat(product.allocate(new OrderLine("o", "EMPTY", 1))).isEmpty();
        assertThat(product.pullEvents()).containsExactly(new OutOfStock("EMPTY"));
    }

    @Test
    void an_identical_line_is_never_allocated_twice() {
        Product product = new Product("DESK");
        product.addBatch("small", 2, Eta.NONE);
        product.addBatch("big", 100, TODAY);
        OrderLine line = new OrderLine("o1", "DESK", 2);
        product.allocate(line);
        product.pullEvents();

        assertRejected(() -> product.allocate(new OrderLine(" o1 ", "DESK", 2)), "duplicate", "orderid");

        assertThat(product.pullEvents()).isEmpty();
        assertThat(available(product, "small")).isZero();
        assertThat(available(product, "big")).isEqualTo(100);
        assertThat(product.allocate(new OrderLine("o1", "DESK", 3))).as("another quantity is another line")
                .contains("big");
    }

    @Test
    void refuses_a_line_of_another_sku() {
        Product product = new Product("sku1");
        product.addBatch("batch1", 100, TODAY);
        assertThatThrownBy(() -> product.allocate(new OrderLine("oref", "SKU1", 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(product.pullEvents()).isEmpty();
    }

    @Test
    void a_batch_ref_the_product_has_is_a_duplicate() {
        Product product = new Product("s");
        product.addBatch("b1", 1, Eta.NONE);
        assertRejected(() -> product.addBatch(" b1", 5, TODAY), "duplicate", "ref");
        assertThat(product.batches()).hasSize(1);
        product.addBatch("B1", 5, TODAY);
        assertThat(product.batches()).extracting(Batch::ref).containsExactly("b1", "B1");
    }

    @Test
    void restores_an_allocation_as_it_is_without_choosing_or_recording() {
        Product product = new Product("s");
        product.addBatch("warehouse", 10, Eta.NONE);
        product.addBatch("shipment", 3, TODAY);
        product.pullEvents();

        product.restoreAllocation(new OrderLine("old", "s", 5), "shipment");

        assertThat(available(product, "shipment")).as("overbooked, kept as it is").isEqualTo(-2);
        assertThat(available(product, "warehouse")).isEqualTo(10);
        assertThat(product.pullEvents()).isEmpty();
        assertThat(product.allocate(new OrderLine("new", "s", 10))).contains("warehouse");
        assertThat(product.allocate(new OrderLine("newer", "s", 1))).isEmpty();
    }

    @Test
    void restoring_names_an_existing_batch_of_the_same_sku_and_a_new_line() {
        Product product = new Product("s");
        product.addBatch("b1", 10, Eta.NONE);
        product.restoreAllocation(new OrderLine("old", "s", 1), "b1");

        assertRejected(() -> product.restoreAllocation(new OrderLine("o", "s", 1), "B1"), "unknown-batch", "batchref");
        assertRejected(() -> product.restoreAllocation(new OrderLine("o", "t", 1), "b1"), "unknown-batch", "batchref");
        assertRejected(() -> product.restoreAllocation(new OrderLine("old", "s", 1), "b1"), "duplicate", "orderid");
        assertRejected(() -> product.allocate(new OrderLine("old", "s", 1)), "duplicate", "orderid");
        assertThat(available(product, "b1")).isEqualTo(9);
    }

    @Test
    void rejected_changes_are_undone_newest_first_with_their_events() {
        Product product = new Product("s");
        product.addBatch("kept", 4, TODAY);
        assertThat(product.acceptChanges()).containsExactly(new ProductChange.BatchAdded("kept"));

        product.addBatch("dropped", 10, Eta.NONE);
        product.allocate(new OrderLine("o1", "s", 3));
        product.allocate(new OrderLine("o2", "s", 3));
        assertThat(product.hasChanges()).isTrue();
        product.rejectChanges();

        assertThat(product.hasChanges()).isFalse();
        assertThat(product.pullEvents()).isEmpty();
        assertThat(product.batch("dropped")).isEmpty();
        assertThat(product.batchesInPreferenceOrder()).extracting(Batch::ref).containsExactly("kept");
        assertThat(product.allocationOf(new OrderLine("o1", "s", 3))).isEmpty();
        assertThat(product.allocate(new OrderLine("o1", "s", 3))).contains("kept");
        assertThat(product.acceptChanges()).containsExactly(
                new ProductChange.LineAllocated(new OrderLine("o1", "s", 3), "kept"));
    }

    @Test
    void a_ref_whose_creation_was_rolled_back_can_be_added_again() {
        Product product = new Product("s");
        product.addBatch("b", 1, Eta.NONE);
        product.rejectChanges();
        product.addBatch("b", 7, TODAY);
        assertThat(product.allocate(new OrderLine("o", "s", 7))).contains("b");
    }
}

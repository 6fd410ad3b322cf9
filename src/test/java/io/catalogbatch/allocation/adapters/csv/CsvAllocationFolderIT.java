package io.catalogbatch.allocation.adapters.csv;

import static io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles.fileNames;
import static io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.allocation.domain.Eta;
import io.catalogbatch.allocation.domain.OrderLine;
import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.allocation.service.AllocationBootstrap;
import io.catalogbatch.allocation.service.AllocationUnitOfWork;
import io.catalogbatch.shared.service.MessageBus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store itself: its unit of work over live products, and the one atomic write at the end. */
class CsvAllocationFolderIT {

    @TempDir
    Path folder;

    private String allocationsText() throws IOException {
        return Files.readString(folder.resolve("allocations.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void saves_the_committed_allocations_sorted_in_raw_form() throws IOException {
        try (CsvAllocationFolder store = CsvAllocationFolder.open(folder)) {
            MessageBus bus = AllocationBootstrap.bus(store.unitOfWork());
            bus.handle(new CreateBatch("b2", "s", 10, Eta.NONE));
            bus.handle(new CreateBatch("a1", "t", 10, Eta.NONE));
            bus.handle(new Allocate("o2", "s", 1));
            bus.handle(new Allocate("o1", "t", 2));
            bus.handle(new Allocate("o1", "s", 3));
            assertThat(folder.resolve("allocations.csv")).as("nothing is written before save()").doesNotExist();

            store.save();
        }

        assertThat(allocationsText()).isEqualTo(
                "orderid,sku,qty,batchref\r\no1,s,3,b2\r\no1,t,2,a1\r\no2,s,1,b2\r\n");
        assertThat(fileNames(folder)).containsExactly("allocations.csv");
    }

    @Test
    void an_empty_run_writes_the_header_only() throws IOException {
        try (CsvAllocationFolder store = CsvAllocationFolder.open(folder)) {
            store.save();
        }
        assertThat(allocationsText()).isEqualTo("orderid,sku,qty,batchref\r\n");
    }

    @Test
    void saves_once_per_run() throws IOException {
        try (CsvAllocationFolder store = CsvAllocationFolder.open(folder)) {
            store.save();
            assertThatThrownBy(store::save).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closing_without_save_leaves_the_folder_as_it_was() throws IOException {
        write(folder, "allocations.csv", "orderid,sku,qty,batchref\nold,s,1,b1\n");
        try (CsvAllocationFolder store = CsvAllocationFolder.open(folder)) {
            MessageBus bus = AllocationBootstrap.bus(store.unitOfWork());
            bus.handle(new CreateBatch("b1", "s", 10, Eta.NONE));
            bus.handle(new Allocate("o1", "s", 1));
        }
        assertThat(allocationsText()).isEqualTo("orderid,sku,qty,batchref\nold,s,1,b1\n");
    }

    @Test
    void a_unit_of_work_closed_without_commit_changes_nothing() throws IOException {
        try (CsvAllocationFolder store = CsvAllocationFolder.open(folder)) {
            AllocationUnitOfWork uow = store.unitOfWork();
            AllocationBootstrap.bus(uow).handle(new CreateBatch("b1", "s", 10, Eta.NONE));
            try (uow) {
                uow.products().require("s").allocate(new OrderLine("o1", "s", 10));
                uow.products().require("s").addBatch("b2", 1, Eta.NONE);
            }
            try (uow) {
                assertThat(uow.products().require("s").batch("b1").orElseThrow().availableQuantity()).isEqualTo(10);
                assertThat(uow.products().getByBatchref("b2")).isEmpty();
            }
            assertThat(store.allocations()).isEmpty();
            assertThat(uow.collectNewEvents()).isEmpty();
        }
    }

    @Test
    void replaces_an_existing_file_in_one_move() throws IOException {
        write(folder, "allocations.csv", "stale\n");
        try (CsvAllocationFolder store = CsvAllocationFolder.open(folder)) {
            AllocationBootstrap.bus(store.unitOfWork()).handle(new CreateBatch("b1", "s", 10, Eta.NONE));
            store.save();
        }
        assertThat(allocationsText()).isEqualTo("orderid,sku,qty,batchref\r\n");
        assertThat(fileNames(folder)).containsExactly("allocations.csv");
    }

    @Test
    void opening_a_missing_folder_fails() {
        assertThatThrownBy(() -> CsvAllocationFolder.open(folder.resolve("missing")))
                .isInstanceOf(NoSuchFileException.class);
    }
}

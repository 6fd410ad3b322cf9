package io.catalogbatch.allocation.entrypoints.batch;

import static io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles.fileNames;
import static io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles.makeCsv;
import static io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles.randomRef;
import static io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles.rows;
import static io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.catalogbatch.allocation.adapters.csv.AllocationFolderFiles;
import io.catalogbatch.allocation.adapters.csv.CsvAllocationFolder;
import io.catalogbatch.allocation.domain.BookReference;
import io.catalogbatch.allocation.domain.Eta;
import io.catalogbatch.allocation.domain.OrderLine;
import io.catalogbatch.allocation.domain.events.Allocated;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.service.Handler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs over a folder: the book's two end-to-end tests (tests/e2e/test_csv.py) and SPEC §2. */
class AllocateFromCsvIT {

    @TempDir
    Path folder;

    private final List<RejectedRow> rejected = new ArrayList<>();
    private final List<AllocationEvent> published = new ArrayList<>();

    private AllocationRunOutcome run() throws IOException {
        return AllocateFromCsv.run(CsvAllocationFolder::open, folder, StandardCharsets.UTF_8, List.of(published::add), rejected::add);
    }

    private String allocationsText() throws IOException {
        return Files.readString(folder.resolve("allocations.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void cli_app_reads_csvs_with_batches_and_orders_and_outputs_allocations() throws IOException {
        String sku1 = randomRef("s1");
        String sku2 = randomRef("s2");
        String batch1 = randomRef("b1");
        String batch2 = randomRef("b2");
        String batch3 = randomRef("b3");
        String orderRef = randomRef("o");
        makeCsv(folder, "batches.csv", List.of(
                List.of("ref", "sku", "qty", "eta"),
                List.of(batch1, sku1, 100, ""),
                List.of(batch2, sku2, 100, "2011-01-01"),
                List.of(batch3, sku2, 100, "2011-01-02")));
        makeCsv(folder, "orders.csv", List.of(
                List.of("orderid", "sku", "qty"),
                List.of(orderRef, sku1, 3),
                List.of(orderRef, sku2, 12)));

        AllocationRunOutcome outcome = run();

        assertThat(rows(folder.resolve("allocations.csv"))).containsExactly(
                List.of("orderid", "sku", "qty", "batchref"),
                List.of(orderRef, sku1, "3", batch1),
                List.of(orderRef, sku2, "12", batch2));
        assertThat(rejected).isEmpty();
        assertThat(outcome.existingAllocations().present()).isFalse();
        assertThat(outcome.batches().accepted()).isEqualTo(3);
        assertThat(outcome.orders().accepted()).isEqualTo(2);
        assertThat(outcome.allocationsWritten()).isEqualTo(2);
    }

    @Test
    void cli_app_also_reads_existing_allocations_and_can_append_to_them() throws IOException {
        String sku = randomRef("s");
        String batch1 = randomRef("b1");
        String batch2 = randomRef("b2");
        String oldOrder = randomRef("o1");
        String newOrder = randomRef("o2");
        makeCsv(folder, "batches.csv", List.of(
                List.of("ref", "sku", "qty", "eta"),
                List.of(batch1, sku, 10, "2011-01-01"),
                List.of(batch2, sku, 10, "2011-01-02")));
        makeCsv(folder, "allocations.csv", List.of(
                List.of("orderid", "sku", "qty", "batchref"),
                List.of(oldOrder, sku, 10, batch1)));
        makeCsv(folder, "orders.csv", List.of(
                List.of("orderid", "sku", "qty"),
                List.of(newOrder, sku, 7)));

        AllocationRunOutcome outcome = run();

        assertThat(rows(folder.resolve("allocations.csv"))).containsExactly(
                List.of("orderid", "sku", "qty", "batchref"),
                List.of(oldOrder, sku, "10", batch1),
                List.of(newOrder, sku, "7", batch2));
        assertThat(outcome.existingAllocations().accepted()).isEqualTo(1);
        assertThat(published).as("restored allocations are not decided again")
                .containsExactly(new Allocated(newOrder, sku, 7, batch2));
    }

    /**
     * A small valid input whose expected rows were worked out by hand with the book's algorithm
     * ({@code next(b for b in sorted(batches) if b.can_allocate(line))}, lines in file order), then sorted.
     */
    @Test
    void rows_equal_the_books_reference_implementation_on_a_small_valid_input() throws IOException {
        write(folder, "batches.csv", """
                ref,sku,qty,eta
                b-late,LAMP,10,2011-01-03
                b-early,LAMP,5,2011-01-01
                b-wh,LAMP,4,
                b-early2,LAMP,5,2011-01-01
                c-wh,CHAIR,3,
                c-ship,CHAIR,20,2011-02-01
                e-zero,TABLE,0,
                """);
        write(folder, "orders.csv", """
                orderid,sku,qty
                o3,LAMP,3
                o1,LAMP,2
                o2,LAMP,4
                o4,LAMP,1
                o5,LAMP,10
                o1,CHAIR,3
                o1,CHAIR,1
                o10,CHAIR,19
                o2,LAMP,3
                """);

        run();

        // LAMP in preference order: b-wh (4), b-early (5), b-early2 (5, same eta, later in the file), b-late (10).
        // o3/3 -> b-wh (1 left); o1/2 -> b-early (b-wh has 1; 3 left); o2/4 -> b-early2 (b-early has 3; 1 left);
        // o4/1 -> b-wh (0 left); o5/10 -> b-late; o2/3 -> b-early (0 left).
        // CHAIR: c-wh (3), c-ship (20). o1/3 -> c-wh; o1/1 -> c-ship (19 left); o10/19 -> c-ship.
        assertThat(allocationsText()).isEqualTo("""
                orderid,sku,qty,batchref\r
                o1,CHAIR,1,c-ship\r
                o1,CHAIR,3,c-wh\r
                o1,LAMP,2,b-early\r
                o10,CHAIR,19,c-ship\r
                o2,LAMP,3,b-early\r
                o2,LAMP,4,b-early2\r
                o3,LAMP,3,b-wh\r
                o4,LAMP,1,b-wh\r
                o5,LAMP,10,b-late\r
                """);
        assertThat(rejected).isEmpty();
    }

    @Test
    void quoted_ids_with_commas_quotes_and_line_breaks_come_back_as_they_were() throws IOException {
        write(folder, "batches.csv", "ref,sku,qty,eta\r\n\"b,1 \"\"x\"\"\",\"s,1\",10,\r\n");
        write(folder, "orders.csv", "orderid,sku,qty\r\n"
                + "\"order, \"\"big\"\" one\",\"s,1\",2\r\n"
                + "\"two\nlines\",\"s,1\",3\r\n");

        run();

        assertThat(rows(folder.resolve("allocations.csv"))).containsExactly(
                List.of("orderid", "sku", "qty", "batchref"),
                List.of("order, \"big\" one", "s,1", "2", "b,1 \"x\""),
                List.of("two\nlines", "s,1", "3", "b,1 \"x\""));
        assertThat(allocationsText()).isEqualTo("orderid,sku,qty,batchref\r\n"
                + "\"order, \"\"big\"\" one\",\"s,1\",2,\"b,1 \"\"x\"\"\"\r\n"
                + "\"two\nlines\",\"s,1\",3,\"b,1 \"\"x\"\"\"\r\n");
        assertThat(rejected).isEmpty();
    }

    @Test
    void the_output_is_sorted_by_orderid_sku_batchref_in_string_order_and_includes_existing_rows()
            throws IOException {
        write(folder, "batches.csv", "ref,sku,qty,eta\nB2,s,100,\nb1,s,1,2011-01-01\nA9,t,100,\n");
        write(folder, "allocations.csv", "orderid,sku,qty,batchref\nz-old,s,1,B2\nOrder,t,1,A9\n");
        write(folder, "orders.csv", "orderid,sku,qty\norder,s,2\nOrder,s,1\norder,t,5\nalpha,s,50\n");

        run();

        assertThat(rows(folder.resolve("allocations.csv"))).extracting(row -> String.join(",", row)).containsExactly(
                "orderid,sku,qty,batchref",
                "Order,s,1,B2",
                "Order,t,1,A9",
                "alpha,s,50,B2",
                "order,s,2,B2",
                "order,t,5,A9",
                "z-old,s,1,B2");
    }

    @Test
    void every_rejected_row_has_its_reason_field_and_line_and_the_run_goes_on() throws IOException {
        write(folder, "batches.csv", """
                ref,sku,qty,eta
                b1,s1,10,
                b1,s1,5,
                b2,,5,
                b3,s1,ten,
                b4,s1,-1,
                b5,s1,5,2011/01/02
                b6, s1 ,2,2011-01-02
                """);
        write(folder, "allocations.csv", """
                orderid,sku,qty,batchref
                old,s1,1,nope
                old,s2,1,b1
                old,s1,1,b1
                """);
        write(folder, "orders.csv", """
                orderid,sku,qty
                o1,S1,1
                o2,s1,50
                old,s1,1
                o3,s1,0
                ,s1,1
                o4,s1,9
                o4,s1,9
                o5,s1,3
                """);

        AllocationRunOutcome outcome = run();

        assertThat(rejected).extracting(r -> r.file().getFileName().toString(), RejectedRow::line, RejectedRow::reason,
                RejectedRow::field).containsExactly(
                tuple("batches.csv", 3L, "duplicate", "ref"),
                tuple("batches.csv", 4L, "missing-field", "sku"),
                tuple("batches.csv", 5L, "bad-value", "qty"),
                tuple("batches.csv", 6L, "bad-value", "qty"),
                tuple("batches.csv", 7L, "bad-date", "eta"),
                tuple("allocations.csv", 2L, "unknown-batch", "batchref"),
                tuple("allocations.csv", 3L, "unknown-batch", "batchref"),
                tuple("orders.csv", 2L, "unknown-sku", "sku"),
                tuple("orders.csv", 3L, "out-of-stock", "qty"),
                tuple("orders.csv", 4L, "duplicate", "orderid"),
                tuple("orders.csv", 5L, "bad-value", "qty"),
                tuple("orders.csv", 6L, "missing-field", "orderid"),
                tuple("orders.csv", 8L, "duplicate", "orderid"),
                tuple("orders.csv", 9L, "out-of-stock", "qty"));
        assertThat(rejected.get(0).message()).contains("same as line 2");
        assertThat(rejected.get(12).message()).contains("same as line 7");
        assertThat(published).containsExactly(new OutOfStock("s1"), new Allocated("o4", "s1", 9, "b1"),
                new OutOfStock("s1"));
        assertThat(allocationsText()).isEqualTo("orderid,sku,qty,batchref\r\no4,s1,9,b1\r\nold,s1,1,b1\r\n");
        assertThat(outcome.batches().accepted()).isEqualTo(2);
        assertThat(outcome.orders().read()).isEqualTo(8);
        assertThat(outcome.orders().rejected()).isEqualTo(7);
        assertThat(outcome.rejected()).isEqualTo(14);
    }

    @Test
    void a_repeated_header_or_extra_cells_reject_the_row_and_a_missing_eta_column_means_the_warehouse()
            throws IOException {
        write(folder, "batches.csv", "sku;ref;qty\ns1;later-in-file;5\ns1;b1;5\n");
        write(folder, "orders.csv", "orderid,sku,qty\no1,s1,5\norderid,sku,qty\no2,s1,1,surprise\no3,s1,5\n");

        AllocationRunOutcome outcome = run();

        assertThat(rejected).extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple(3L, "repeated-header"), tuple(4L, "extra-field"));
        assertThat(outcome.batches().delimiter()).isEqualTo("semicolon");
        assertThat(rows(folder.resolve("allocations.csv"))).extracting(row -> String.join(",", row))
                .containsExactly("orderid,sku,qty,batchref", "o1,s1,5,later-in-file", "o3,s1,5,b1");
    }

    @Test
    void a_second_run_over_its_own_output_allocates_nothing_twice() throws IOException {
        write(folder, "batches.csv", "ref,sku,qty,eta\nb1,s,10,\n");
        write(folder, "orders.csv", "orderid,sku,qty\no1,s,4\no2,s,4\n");
        run();
        String first = allocationsText();
        rejected.clear();

        run();

        assertThat(allocationsText()).isEqualTo(first);
        assertThat(rejected).extracting(RejectedRow::reason).containsExactly("duplicate", "duplicate");
    }

    @Test
    void allocations_csv_is_written_once_at_the_end_never_during_the_run() throws IOException {
        write(folder, "batches.csv", "ref,sku,qty,eta\nb1,s,100,\n");
        write(folder, "allocations.csv", "orderid,sku,qty,batchref\nold,s,1,b1\n");
        write(folder, "orders.csv", "orderid,sku,qty\no1,s,1\no2,s,1\no3,s,1\n");
        byte[] before = Files.readAllBytes(folder.resolve("allocations.csv"));
        List<String> checks = new ArrayList<>();
        Handler<AllocationEvent> watcher = event -> {
            try {
                assertThat(Files.readAllBytes(folder.resolve("allocations.csv"))).isEqualTo(before);
                assertThat(fileNames(folder)).containsExactly("allocations.csv", "batches.csv", "orders.csv");
                checks.add(event.toString());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };

        AllocationRunOutcome outcome = AllocateFromCsv.run(CsvAllocationFolder::open, folder, StandardCharsets.UTF_8, List.of(watcher),
                rejected::add);

        assertThat(outcome.failedEventHandlings()).as("the file never changed during the run").isZero();
        assertThat(checks).hasSize(3);
        assertThat(rows(folder.resolve("allocations.csv"))).hasSize(5);
        assertThat(fileNames(folder)).as("no temporary file left")
                .containsExactly("allocations.csv", "batches.csv", "orders.csv");
    }

    @Test
    void a_file_refused_at_its_end_leaves_allocations_csv_as_it_was() throws IOException {
        write(folder, "batches.csv", "ref,sku,qty,eta\nb1,s,100,\n");
        write(folder, "allocations.csv", "orderid,sku,qty,batchref\nold,s,1,b1\n");
        write(folder, "orders.csv", "orderid,sku,qty\no1,s,1\no2,s,1\n\"o3,s,1\n");
        byte[] before = Files.readAllBytes(folder.resolve("allocations.csv"));

        assertThatThrownBy(this::run).isInstanceOf(CsvFileRefused.class)
                .satisfies(e -> assertThat(((CsvFileRefused) e).reason()).isEqualTo("unbalanced-quote"));

        assertThat(Files.readAllBytes(folder.resolve("allocations.csv"))).isEqualTo(before);
        assertThat(fileNames(folder)).containsExactly("allocations.csv", "batches.csv", "orders.csv");
    }

    @Test
    void missing_inputs_stop_the_run_before_anything_is_written() throws IOException {
        write(folder, "batches.csv", "ref,sku,qty,eta\nb1,s,100,\n");
        assertThatThrownBy(this::run).isInstanceOf(NoSuchFileException.class).hasMessageContaining("orders.csv");
        assertThat(folder.resolve("allocations.csv")).doesNotExist();
        assertThatThrownBy(() -> AllocateFromCsv.run(CsvAllocationFolder::open, folder.resolve("nope"), StandardCharsets.UTF_8, List.of(),
                rejected::add)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void a_header_without_a_required_column_refuses_the_file() throws IOException {
        write(folder, "batches.csv", "ref,qty,eta\nb1,100,\n");
        write(folder, "orders.csv", "orderid,sku,qty\no1,s,1\n");
        assertThatThrownBy(this::run).isInstanceOf(CsvFileRefused.class)
                .satisfies(e -> assertThat(((CsvFileRefused) e).reason()).isEqualTo("missing-required-column"));
        assertThat(folder.resolve("allocations.csv")).doesNotExist();
    }

    /** Random valid folders: the file's rows are the book's allocations of the same lines, sorted. */
    @Test
    void rows_equal_the_books_on_random_valid_folders() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            Path run = Files.createDirectory(folder.resolve("run-" + seed));
            Random random = new Random(seed);
            StringBuilder batches = new StringBuilder("ref,sku,qty,eta\n");
            Map<String, BookReference> book = new HashMap<>();
            for (int i = 0; i < 60; i++) {
                String sku = "sku-" + random.nextInt(4);
                int qty = random.nextInt(30);
                int day = random.nextInt(5);
                Eta eta = day == 0 ? Eta.NONE : Eta.on(LocalDate.of(2011, 1, day));
                batches.append("b").append(i).append(',').append(sku).append(',').append(qty).append(',')
                        .append(eta).append('\n');
                book.computeIfAbsent(sku, k -> new BookReference()).addBatch("b" + i, qty, eta);
            }
            StringBuilder orders = new StringBuilder("orderid,sku,qty\n");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                OrderLine line = new OrderLine("order-" + random.nextInt(1000) + "-" + i, "sku-" + random.nextInt(4),
                        1 + random.nextInt(10));
                orders.append(line.orderid()).append(',').append(line.sku()).append(',').append(line.qty()).append('\n');
                Optional<String> batch = book.get(line.sku()).allocate(line);
                batch.ifPresent(ref -> expected.add(String.join(",", line.orderid(), line.sku(),
                        Integer.toString(line.qty()), ref)));
            }
            write(run, "batches.csv", batches.toString());
            write(run, "orders.csv", orders.toString());
            expected.sort(null);

            AllocateFromCsv.run(CsvAllocationFolder::open, run, StandardCharsets.UTF_8, List.of(), rejected -> { });

            List<List<String>> rows = AllocationFolderFiles.rows(run.resolve("allocations.csv"));
            List<String> actual = rows.subList(1, rows.size()).stream().map(row -> String.join(",", row)).toList();
            assertThat(actual).as("seed %d", seed).isEqualTo(expected);
        }
    }

    /** The run reads back as its starting state the file the store writes: one name, one set of columns. */
    @Test
    void the_store_writes_the_file_the_run_reads_back() {
        assertThat(CsvAllocationFolder.ALLOCATIONS_FILE).isEqualTo(AllocationFiles.ALLOCATIONS_FILE);
        assertThat(CsvAllocationFolder.ALLOCATION_COLUMNS).isEqualTo(AllocationFiles.ALLOCATION_COLUMNS);
    }
}

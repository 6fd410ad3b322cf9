package io.catalogbatch.allocation.entrypoints.batch;

import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.allocation.domain.commands.RestoreAllocation;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * The files an allocation run reads (the book's CSV appendix, SPEC §2): names, columns, rows to commands.
 * {@code allocations.csv} is read as the run's starting state; the store that writes it back names it too.
 */
public final class AllocationFiles {

    public static final String BATCHES_FILE = "batches.csv";
    public static final String ORDERS_FILE = "orders.csv";
    public static final String ALLOCATIONS_FILE = "allocations.csv";

    /** {@code eta} may be missing as a column: every batch is then in the warehouse. */
    public static final List<String> BATCH_COLUMNS = List.of("ref", "sku", "qty", "eta");
    public static final Set<String> BATCH_REQUIRED = Set.of("ref", "sku", "qty");
    public static final List<String> ORDER_COLUMNS = List.of("orderid", "sku", "qty");
    public static final List<String> ALLOCATION_COLUMNS = List.of("orderid", "sku", "qty", "batchref");

    private AllocationFiles() {
    }

    public static CsvReadOptions batchesOptions(Charset charsetWithoutBom) {
        return new CsvReadOptions(charsetWithoutBom, Set.copyOf(BATCH_COLUMNS), BATCH_REQUIRED);
    }

    public static CsvReadOptions ordersOptions(Charset charsetWithoutBom) {
        return new CsvReadOptions(charsetWithoutBom, Set.copyOf(ORDER_COLUMNS), Set.copyOf(ORDER_COLUMNS));
    }

    public static CsvReadOptions allocationsOptions(Charset charsetWithoutBom) {
        return new CsvReadOptions(charsetWithoutBom, Set.copyOf(ALLOCATION_COLUMNS), Set.copyOf(ALLOCATION_COLUMNS));
    }

    public static CreateBatch createBatch(CsvRow row) {
        return CreateBatch.fromCells(row.get("ref"), row.get("sku"), row.get("qty"), row.get("eta"));
    }

    public static Allocate allocate(CsvRow row) {
        return Allocate.fromCells(row.get("orderid"), row.get("sku"), row.get("qty"));
    }

    public static RestoreAllocation restoreAllocation(CsvRow row) {
        return RestoreAllocation.fromCells(row.get("orderid"), row.get("sku"), row.get("qty"), row.get("batchref"));
    }
}

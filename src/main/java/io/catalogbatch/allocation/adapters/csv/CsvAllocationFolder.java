package io.catalogbatch.allocation.adapters.csv;

import io.catalogbatch.allocation.domain.Batch;
import io.catalogbatch.allocation.domain.OrderLine;
import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.domain.ProductChange;
import io.catalogbatch.allocation.service.AllocationStore;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvTableWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The allocation state of one run over a folder of the book's CSV appendix ({@code batches.csv},
 * {@code orders.csv}, {@code allocations.csv}), held in memory: products by sku, and the sku of every batch
 * ref. Batches and existing allocations are loaded once, through the unit of work (commands
 * {@code CreateBatch} and {@code RestoreAllocation}); every order line then goes through it too
 * ({@code Allocate}); each commit costs O(changes). {@link #save()} writes {@code allocations.csv} once, at
 * the end, into a temporary file moved over the old one (never the book's rewrite per line), sorted by
 * orderid, sku, batchref (then qty), in String order, in raw RFC 4180 form.
 *
 * <p>Guarantee: all or nothing per run. A run that fails before {@code save()} leaves the folder as it
 * was, so running it again from the start is the restart, and gives the same file.
 * Single-threaded: allocation follows the order of the files.
 */
public final class CsvAllocationFolder implements AllocationStore {

    /** The file this store keeps its state in, and its columns. */
    public static final String ALLOCATIONS_FILE = "allocations.csv";
    public static final List<String> ALLOCATION_COLUMNS = List.of("orderid", "sku", "qty", "batchref");

    private static final Comparator<AllocationRow> FILE_ORDER = Comparator.comparing(AllocationRow::orderid)
            .thenComparing(AllocationRow::sku).thenComparing(AllocationRow::batchref)
            .thenComparingInt(AllocationRow::qty);

    private final Path folder;
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, String> skuByBatchref = new HashMap<>();
    private final CsvAllocationUnitOfWork unitOfWork;
    private boolean saved;

    private CsvAllocationFolder(Path folder) {
        this.folder = folder;
        this.unitOfWork = new CsvAllocationUnitOfWork(this);
    }

    /** An empty working state over this folder (nothing is read yet). */
    public static CsvAllocationFolder open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        return new CsvAllocationFolder(folder);
    }

    public Path folder() {
        return folder;
    }

    public Path allocationsFile() {
        return folder.resolve(ALLOCATIONS_FILE);
    }

    @Override
    public CsvAllocationUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** The committed allocations, as {@code allocations.csv} will list them. */
    @Override
    public int allocationCount() {
        return allocations().size();
    }

    public List<AllocationRow> allocations() {
        List<AllocationRow> rows = new ArrayList<>();
        for (Product product : products.values()) {
            for (Batch batch : product.batches()) {
                for (OrderLine line : batch.allocations()) {
                    rows.add(new AllocationRow(line.orderid(), line.sku(), line.qty(), batch.ref()));
                }
            }
        }
        rows.sort(FILE_ORDER);
        return rows;
    }

    /** Writes {@code allocations.csv} atomically; once per run. */
    @Override
    public void save() throws IOException {
        if (saved) {
            throw new IllegalStateException(allocationsFile() + " was written already in this run");
        }
        List<AllocationRow> rows = allocations();
        CsvTableWriter.writeAtomically(allocationsFile(), CsvFlavour.RAW, ALLOCATION_COLUMNS,
                table -> {
                    for (AllocationRow row : rows) {
                        table.row(row.cells());
                    }
                });
        saved = true;
    }

    @Override
    public void close() {
        // Nothing to release: the state is in memory, and what save() did not write is dropped.
    }

    Optional<Product> committedProduct(String sku) {
        return Optional.ofNullable(products.get(sku));
    }

    Optional<String> skuOfBatch(String ref) {
        return Optional.ofNullable(skuByBatchref.get(ref));
    }

    void stage(Product product, List<ProductChange> changes) {
        products.putIfAbsent(product.sku(), product);
        for (ProductChange change : changes) {
            if (change instanceof ProductChange.BatchAdded added) {
                skuByBatchref.put(added.ref(), product.sku());
            }
        }
    }
}

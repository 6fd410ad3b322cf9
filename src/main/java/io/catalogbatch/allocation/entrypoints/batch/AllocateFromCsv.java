package io.catalogbatch.allocation.entrypoints.batch;

import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.commands.AllocationCommand;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.allocation.domain.commands.RestoreAllocation;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.allocation.service.AllocationBootstrap;
import io.catalogbatch.allocation.service.AllocationRowHandling;
import io.catalogbatch.allocation.service.AllocationStore;
import io.catalogbatch.allocation.service.AllocationStores;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvSource;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.Handler;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A whole allocation run over a folder without Spring: the Java counterpart of the book's
 * {@code allocate-from-csv} script. Reads {@code batches.csv}, then {@code allocations.csv} when there is
 * one, then {@code orders.csv}, each with the tolerant reader of SPEC §3, turns every row into its command
 * and hands it to the bus; a row that breaks a rule is passed to {@code rejections} and the run goes on.
 * At the end {@code allocations.csv} is written once, atomically.
 *
 * <p>A file refused as a whole ({@link io.catalogbatch.shared.csv.CsvFileRefused}) or a missing
 * {@code batches.csv} / {@code orders.csv} stops the run before anything is written.
 */
public final class AllocateFromCsv {

    private AllocateFromCsv() {
    }

    public static AllocationRunOutcome run(AllocationStores stores, Path folder, Charset charsetWithoutBom,
                                           List<? extends Handler<? super AllocationEvent>> eventHandlers,
                                           Consumer<RejectedRow> rejections) throws IOException {
        try (AllocationStore store = stores.open(folder)) {
            AllocationRowHandling handling = AllocationBootstrap.rowHandling(store.unitOfWork(), eventHandlers);
            Path allocations = folder.resolve(AllocationFiles.ALLOCATIONS_FILE);
            FileOutcome batches = feed(folder.resolve(AllocationFiles.BATCHES_FILE), AllocationFiles.batchesOptions(charsetWithoutBom),
                    AllocationFiles::createBatch, handling, rejections);
            FileOutcome existing = Files.exists(allocations)
                    ? feed(allocations, AllocationFiles.allocationsOptions(charsetWithoutBom),
                            AllocationFiles::restoreAllocation, handling, rejections)
                    : FileOutcome.absent(allocations);
            FileOutcome orders = feed(folder.resolve(AllocationFiles.ORDERS_FILE), AllocationFiles.ordersOptions(charsetWithoutBom),
                    AllocationFiles::allocate, handling, rejections);
            store.save();
            return new AllocationRunOutcome(batches, existing, orders, store.allocationCount(),
                    handling.bus().failedEventHandlings());
        }
    }

    private static FileOutcome feed(Path file, CsvReadOptions options, Function<CsvRow, AllocationCommand> toCommand,
                                    AllocationRowHandling handling, Consumer<RejectedRow> rejections)
            throws IOException {
        Map<Object, Long> firstLines = new HashMap<>();
        long read = 0;
        long accepted = 0;
        try (CsvSource source = CsvSource.open(file, options)) {
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                read++;
                if (row.hasProblem()) {
                    rejections.accept(new RejectedRow(file, row, row.problem(), "", row.problemMessage()));
                    continue;
                }
                Object key = null;
                try {
                    AllocationCommand command = toCommand.apply(row);
                    key = keyOf(command);
                    handling.accept(command);
                    firstLines.putIfAbsent(key, row.line());
                    accepted++;
                } catch (DomainException broken) {
                    Long first = key == null ? null : firstLines.get(key);
                    String message = first != null && "duplicate".equals(broken.reason())
                            ? String.format("same as line %d: %s", first, broken.getMessage())
                            : broken.getMessage();
                    rejections.accept(new RejectedRow(file, row, broken.reason(), broken.field(), message));
                }
            }
            return new FileOutcome(file, true, source.header(), source.encoding(), source.delimiterName(), read,
                    accepted, read - accepted);
        }
    }

    /** What makes two rows of one file the same: the batch ref, or the order line. */
    private static Object keyOf(AllocationCommand command) {
        if (command instanceof CreateBatch create) {
            return create.ref();
        }
        if (command instanceof Allocate allocate) {
            return allocate.line();
        }
        return ((RestoreAllocation) command).line();
    }

}

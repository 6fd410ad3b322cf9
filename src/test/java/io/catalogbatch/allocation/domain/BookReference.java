package io.catalogbatch.allocation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The book's allocation written as plainly as the book writes it, to compare with: batches kept in the
 * order they were added, sorted (stably) on every line with {@code Batch.__gt__} (no eta first, then the
 * earliest), and the first that {@code can_allocate} takes the line
 * ({@code next(b for b in sorted(self.batches) if b.can_allocate(line))}). O(batches log batches) per line.
 */
public final class BookReference {

    private static final Comparator<RefBatch> BOOK_ORDER = (a, b) -> {
        if (a.eta.isNone() || b.eta.isNone()) {
            return Boolean.compare(!a.eta.isNone(), !b.eta.isNone());
        }
        return a.eta.date().orElseThrow().compareTo(b.eta.date().orElseThrow());
    };

    private final List<RefBatch> batches = new ArrayList<>();

    public void addBatch(String ref, int qty, Eta eta) {
        batches.add(new RefBatch(ref, qty, eta));
    }

    public Optional<String> allocate(OrderLine line) {
        List<RefBatch> sorted = new ArrayList<>(batches);
        sorted.sort(BOOK_ORDER);
        for (RefBatch batch : sorted) {
            if (batch.available() >= line.qty()) {
                batch.allocations.add(line);
                return Optional.of(batch.ref);
            }
        }
        return Optional.empty();
    }

    private static final class RefBatch {
        final String ref;
        final int purchased;
        final Eta eta;
        final Set<OrderLine> allocations = new LinkedHashSet<>();

        RefBatch(String ref, int purchased, Eta eta) {
            this.ref = ref;
            this.purchased = purchased;
            this.eta = eta;
        }

        long available() {
            return purchased - allocations.stream().mapToLong(OrderLine::qty).sum();
        }
    }
}

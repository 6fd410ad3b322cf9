package io.catalogbatch.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The product's batch choice equals the book's on random input, and costs O(log batches) per line. */
class BatchPreferenceTest {

    private static Eta randomEta(Random random) {
        int day = random.nextInt(6);
        return day == 0 ? Eta.NONE : Eta.on(LocalDate.of(2011, 1, day));
    }

    @Test
    void chooses_the_same_batch_as_the_book_on_random_products() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            Product product = new Product("s");
            BookReference book = new BookReference();
            int batchCount = 0;
            for (int step = 0; step < 300; step++) {
                if (batchCount == 0 || random.nextInt(5) == 0) {
                    String ref = "b" + batchCount++;
                    int qty = random.nextInt(25);
                    Eta eta = randomEta(random);
                    product.addBatch(ref, qty, eta);
                    book.addBatch(ref, qty, eta);
                } else {
                    OrderLine line = new OrderLine("o" + step, "s", 1 + random.nextInt(12));
                    Optional<String> expected = book.allocate(line);
                    assertThat(product.allocate(line)).as("seed %d, step %d, %s", seed, step, line).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void the_tree_stays_balanced_whatever_the_order_of_the_etas() {
        BatchPreference ascending = new BatchPreference();
        BatchPreference random = new BatchPreference();
        Random seeded = new Random(7);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            ascending.add(new Batch("b" + i, "s", 1, Eta.on(LocalDate.of(2000, 1, 1).plusDays(i))));
            random.add(new Batch("b" + i, "s", 1, randomEta(seeded)));
        }
        int bound = (int) Math.ceil(2 * Math.log(n + 1) / Math.log(2));
        assertThat(ascending.height()).isLessThanOrEqualTo(bound);
        assertThat(random.height()).isLessThanOrEqualTo(bound);
        assertThat(ascending.inOrder()).hasSize(n);
    }

    /**
     * 200,000 one-unit batches and as many one-unit lines: line i fits only batch i and later, the case where
     * a scan of the preferred batches would read i full batches first. Each choice walks one root-to-leaf
     * path, which the balance test above bounds by 2·log2(n+1); this test checks the answers at that size
     * (speed itself is measured by scripts/bench-allocate, not here).
     */
    @Test
    void allocating_every_line_at_scale_takes_the_preferred_batch_that_fits() {
        int n = 200_000;
        Product product = new Product("s");
        for (int i = 0; i < n; i++) {
            product.addBatch("b" + i, 1, i % 2 == 0 ? Eta.NONE : Eta.on(LocalDate.of(2011, 1, 1).plusDays(i % 97)));
        }
        for (int i = 0; i < n; i++) {
            assertThat(product.allocate(new OrderLine("o" + i, "s", 1))).isPresent();
        }
        assertThat(product.allocate(new OrderLine("one-more", "s", 1))).isEmpty();
        assertThat(product.batchesInPreferenceOrder().get(0).ref()).isEqualTo("b0");
        assertThat(product.batchesInPreferenceOrder().get(1).ref()).isEqualTo("b2");
    }
}

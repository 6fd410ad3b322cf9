package io.catalogbatch.allocation.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product's batches in preference order (no eta first, then the earliest eta, ties in the order the
 * batches were added), able to find the first batch with at least a given available quantity in
 * O(log batches).
 *
 * <p>It is a left-leaning red-black tree (Sedgewick) keyed by (eta, insertion sequence), each node
 * augmented with the largest available quantity of its subtree. The first fitting batch is found by one
 * descent: go left while the left subtree has a batch with enough, else take this node if it has enough,
 * else go right (whose subtree must then have one). Adding a batch and changing a batch's available
 * quantity each repair the maxima along one root-to-node path. Every operation is O(height), and the
 * height of a left-leaning red-black tree is at most 2·log2(n+1). The book's {@code next(b for b in
 * sorted(batches) if b.can_allocate(line))} sorts and scans on every line instead.
 *
 * <p>A batch taken out again (the rollback of its creation) stays in the tree as a node that is never
 * chosen: batches are never removed in this domain, so the tree needs no deletion.
 */
final class BatchPreference {

    private static final long NEVER = Long.MIN_VALUE;

    private final Map<String, Node> nodes = new HashMap<>();
    private Node root;
    private long nextSequence;

    void add(Batch batch) {
        Node node = new Node(batch, nextSequence++);
        nodes.put(batch.ref(), node);
        root = insert(root, node);
        root.red = false;
    }

    /** The most preferred batch with at least {@code qty} available, if any. */
    Optional<Batch> firstWithAvailable(long qty) {
        Node h = root;
        if (h == null || h.max < qty) {
            return Optional.empty();
        }
        while (true) {
            if (h.left != null && h.left.max >= qty) {
                h = h.left;
            } else if (h.available >= qty) {
                return Optional.of(h.batch);
            } else {
                h = h.right;
            }
        }
    }

    /** Takes in a change of the batch's available quantity. */
    void refresh(Batch batch) {
        Node node = nodes.get(batch.ref());
        node.available = batch.availableQuantity();
        repairPath(root, node);
    }

    /** The batch is never chosen again (its creation was rolled back). */
    void withdraw(Batch batch) {
        Node node = nodes.remove(batch.ref());
        node.available = NEVER;
        repairPath(root, node);
    }

    /** The batches in preference order. */
    List<Batch> inOrder() {
        List<Batch> out = new ArrayList<>(nodes.size());
        Deque<Node> stack = new ArrayDeque<>();
        Node h = root;
        while (h != null || !stack.isEmpty()) {
            while (h != null) {
                stack.push(h);
                h = h.left;
            }
            h = stack.pop();
            if (h.available != NEVER) {
                out.add(h.batch);
            }
            h = h.right;
        }
        return out;
    }

    /** The number of nodes on the longest root-to-leaf path (for tests of the balance). */
    int height() {
        return height(root);
    }

    private static int height(Node h) {
        return h == null ? 0 : 1 + Math.max(height(h.left), height(h.right));
    }

    private static void repairPath(Node h, Node target) {
        if (h != target) {
            repairPath(compare(target, h) < 0 ? h.left : h.right, target);
        }
        h.recompute();
    }

    private static Node insert(Node h, Node x) {
        if (h == null) {
            return x;
        }
        if (compare(x, h) < 0) {
            h.left = insert(h.left, x);
        } else {
            h.right = insert(h.right, x);
        }
        if (isRed(h.right) && !isRed(h.left)) {
            h = rotateLeft(h);
        }
        if (isRed(h.left) && isRed(h.left.left)) {
            h = rotateRight(h);
        }
        if (isRed(h.left) && isRed(h.right)) {
            h.red = !h.red;
            h.left.red = !h.left.red;
            h.right.red = !h.right.red;
        }
        h.recompute();
        return h;
    }

    private static Node rotateLeft(Node h) {
        Node x = h.right;
        h.right = x.left;
        x.left = h;
        x.red = h.red;
        h.red = true;
        h.recompute();
        x.recompute();
        return x;
    }

    private static Node rotateRight(Node h) {
        Node x = h.left;
        h.left = x.right;
        x.right = h;
        x.red = h.red;
        h.red = true;
        h.recompute();
        x.recompute();
        return x;
    }

    private static boolean isRed(Node h) {
        return h != null && h.red;
    }

    /** Preference order: eta (none first), then insertion sequence. */
    private static int compare(Node a, Node b) {
        int byEta = a.batch.eta().compareTo(b.batch.eta());
        return byEta != 0 ? byEta : Long.compare(a.sequence, b.sequence);
    }

    private static final class Node {
        final Batch batch;
        final long sequence;
        long available;
        long max;
        Node left;
        Node right;
        boolean red = true;

        Node(Batch batch, long sequence) {
            this.batch = batch;
            this.sequence = sequence;
            this.available = batch.availableQuantity();
            this.max = available;
        }

        void recompute() {
            long m = available;
            if (left != null && left.max > m) {
                m = left.max;
            }
            if (right != null && right.max > m) {
                m = right.max;
            }
            max = m;
        }
    }
}

package io.catalogbatch.shared.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named moments where the crash tests stop a real process: with
 * {@code -Dcatalog-batch.fault.pause-at=NAME[:N]} the N-th passage (default the first) through {@link #reach}
 * of that name prints {@code fault point NAME reached} on stderr and waits there for ever, so that the test
 * can kill the process exactly at that moment. The property is read once, when the class loads: without
 * it, reaching a point costs one comparison (some points are reached once per row).
 */
public final class FaultPoint {

    public static final String PROPERTY = "catalog-batch.fault.pause-at";

    private static final String WANTED = System.getProperty(PROPERTY);
    private static final Map<String, AtomicInteger> PASSAGES = new ConcurrentHashMap<>();

    private FaultPoint() {
    }

    public static void reach(String name) {
        if (WANTED == null || !WANTED.equals(name) && !WANTED.startsWith(name + ":")) {
            return;
        }
        int at = WANTED.equals(name) ? 1 : Integer.parseInt(WANTED.substring(name.length() + 1));
        if (PASSAGES.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() != at) {
            return;
        }
        System.err.println("fault point " + name + " reached");
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Only a kill ends the wait: that is the point.
            }
        }
    }
}

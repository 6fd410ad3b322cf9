package io.catalogbatch.shared.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named moments where a test stops the program, to act at exactly that moment. With
 * {@code -Dcatalog-batch.fault.pause-at=NAME[:N]} the N-th passage (default the first) through {@link #reach} of
 * that name prints {@code fault point NAME reached} on stderr and waits there:
 * <ul>
 *   <li>for ever, so that a crash test can kill the process at that moment;</li>
 *   <li>or, with {@code -Dcatalog-batch.fault.signals=DIR} as well, until the test creates {@code DIR/NAME.resume}.
 *       The pause first creates {@code DIR/NAME.reached}, so that the test knows it is there; the test then does
 *       what it wants done in that moment (another watcher takes the files, a signal comes), creates the resume
 *       file, and the program goes on. No clock decides anything: the pause looks for the file every 10 ms.</li>
 * </ul>
 * The properties are read when the class loads, and again by {@link #rearm} (for a test that sets them in its own
 * JVM before it starts what reaches the point). Unarmed, reaching a point costs a read and a comparison (some
 * points are reached once per row).
 */
public final class FaultPoint {

    public static final String PROPERTY = "catalog-batch.fault.pause-at";
    public static final String SIGNALS_PROPERTY = "catalog-batch.fault.signals";
    public static final String REACHED = ".reached";
    public static final String RESUME = ".resume";

    private static final long LOOK_AGAIN_MILLIS = 10;

    /** The armed point: its name, the passage that pauses, the folder of its signal files (null: for ever). */
    private static final class Pause {
        final String name;
        final int at;
        final Path signals;
        final AtomicInteger passages = new AtomicInteger();

        Pause(String name, int at, Path signals) {
            this.name = name;
            this.at = at;
            this.signals = signals;
        }

        static Pause fromProperties() {
            String wanted = System.getProperty(PROPERTY);
            if (wanted == null || wanted.isBlank()) {
                return null;
            }
            int colon = wanted.indexOf(':');
            String name = colon < 0 ? wanted : wanted.substring(0, colon);
            int at = colon < 0 ? 1 : Integer.parseInt(wanted.substring(colon + 1));
            String signals = System.getProperty(SIGNALS_PROPERTY);
            return new Pause(name, at, signals == null || signals.isBlank() ? null : Path.of(signals));
        }
    }

    private static volatile Pause armed = Pause.fromProperties();

    private FaultPoint() {
    }

    /** Reads the properties again, and counts passages from zero. */
    public static void rearm() {
        armed = Pause.fromProperties();
    }

    public static void reach(String name) {
        Pause pause = armed;
        if (pause == null || !pause.name.equals(name) || pause.passages.incrementAndGet() != pause.at) {
            return;
        }
        System.err.println("fault point " + name + " reached");
        System.err.flush();
        if (pause.signals == null) {
            waitForEver();
        } else {
            waitForResume(pause.signals, name);
        }
    }

    private static void waitForEver() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Only a kill ends the wait: that is the point.
            }
        }
    }

    private static void waitForResume(Path signals, String name) {
        try {
            Files.createDirectories(signals);
            Files.writeString(signals.resolve(name + REACHED), "");
        } catch (IOException e) {
            throw new UncheckedIOException("fault point " + name + ": cannot signal in " + signals, e);
        }
        boolean interrupted = false;
        while (!Files.exists(signals.resolve(name + RESUME))) {
            try {
                Thread.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true; // the test lets it go on, nothing else
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

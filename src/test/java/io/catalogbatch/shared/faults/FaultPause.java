package io.catalogbatch.shared.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A pause at a {@link FaultPoint} that the test lets go on: armed in a child process by its JVM options, or in
 * this JVM by {@link #armHere} (closing it disarms). The test waits until the program is there, acts, then
 * {@link #resume}s it. No wait has a deadline: it ends when the point is reached, or fails when what should
 * reach it ended first.
 *
 * <pre>{@code
 * FaultPause listed = FaultPause.at("inbox-listed:2", signals);
 * CatalogBatchProcess watcher = CatalogBatchProcess.start(work, listed.jvmOptions(), "watch", ...);
 * watcher.await(listed::reached, "the second look at the inbox");
 * ... take its files ...
 * listed.resume();
 * }</pre>
 */
public final class FaultPause implements AutoCloseable {

    private static final long LOOK_AGAIN_MILLIS = 10;

    private final String point;
    private final String name;
    private final Path signals;
    private boolean armedHere;

    private FaultPause(String point, Path signals) {
        this.point = point;
        this.name = point.replaceAll(":.*", "");
        this.signals = signals;
    }

    /** A pause at {@code NAME[:N]} (the N-th passage), signalling through files in {@code signals}. */
    public static FaultPause at(String point, Path signals) {
        try {
            return new FaultPause(point, Files.createDirectories(signals).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM options that arm it in a child process. */
    public List<String> jvmOptions() {
        return List.of("-D" + FaultPoint.PROPERTY + "=" + point, "-D" + FaultPoint.SIGNALS_PROPERTY + "=" + signals);
    }

    /** Arms it in this JVM, for what the test starts next (one point at a time). */
    public FaultPause armHere() {
        System.setProperty(FaultPoint.PROPERTY, point);
        System.setProperty(FaultPoint.SIGNALS_PROPERTY, signals.toString());
        FaultPoint.rearm();
        armedHere = true;
        return this;
    }

    /** Whether the program is paused there (or was: it stays true after {@link #resume}). */
    public boolean reached() {
        return Files.exists(signals.resolve(name + FaultPoint.REACHED));
    }

    /** Waits until the point is reached; fails when {@code running} turns false first. */
    public void await(BooleanSupplier running) {
        while (!reached()) {
            if (!running.getAsBoolean() && !reached()) {
                throw new AssertionError("ended before fault point " + point);
            }
            try {
                Thread.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for fault point " + point, e);
            }
        }
    }

    /** Lets the program go on (also before it got there: then it does not stop at all). */
    public void resume() {
        try {
            Files.writeString(signals.resolve(name + FaultPoint.RESUME), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Disarms it in this JVM, and lets a program still paused there go on. */
    @Override
    public void close() {
        resume();
        if (armedHere) {
            System.clearProperty(FaultPoint.PROPERTY);
            System.clearProperty(FaultPoint.SIGNALS_PROPERTY);
            FaultPoint.rearm();
        }
    }
}

package io.catalogbatch.shared.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows a step's progress (rows, rows/s, %) on stderr once it has run for a few seconds: a bar on a
 * terminal (the progressbar library), a plain line every ten seconds otherwise (cron mails, CI logs).
 * Short runs print nothing.
 */
public final class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Duration QUIET_START = Duration.ofSeconds(2);
    private static final Duration LINE_EVERY = Duration.ofSeconds(10);

    private final String label;
    private final long totalRows;
    private final PrintStream err;
    private final boolean terminal;
    private StepExecution step;
    private Instant started;
    private ProgressBar bar;
    private Instant lastLine;

    /** {@code totalRows} as counted by the validation pass, or -1 when unknown. */
    public ProgressListener(String label, long totalRows, PrintStream err, boolean terminal) {
        this.label = label;
        this.totalRows = totalRows;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution;
        this.started = Instant.now();
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        Instant now = Instant.now();
        if (Duration.between(started, now).compareTo(QUIET_START) < 0) {
            return;
        }
        if (!terminal) {
            if (lastLine == null || Duration.between(lastLine, now).compareTo(LINE_EVERY) >= 0) {
                lastLine = now;
                printLine(now);
            }
            return;
        }
        if (bar == null) {
            bar = newBar();
        }
        bar.stepTo(step.getReadCount());
    }

    /** For logs: rows, rows/s and % on one line. */
    private void printLine(Instant now) {
        long rows = step.getReadCount();
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        String percent = totalRows > 0 ? String.format(" (%d%%)", rows * 100 / totalRows) : "";
        err.printf("%s: %,d%s rows%s, %,.0f rows/s%n", label, rows, totalRows > 0 ? String.format(" of %,d", totalRows)
                : "", percent, rows / seconds);
        err.flush();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (bar != null) {
            bar.stepTo(stepExecution.getReadCount());
            bar.close();
            bar = null;
        }
        return null;
    }

    private ProgressBar newBar() {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(totalRows)
                .setUnit(" rows", 1)
                .showSpeed()
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .startsFrom(0, Duration.between(started, Instant.now()));
        return builder.setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(500).build();
    }
}

package io.catalogbatch.runs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The full log of a run, {@code run.log} in its report folder, whatever the console shows; a password given in a
 * location is shown as {@value UrlSecrets#MASK} there, whoever logged it.
 */
public final class RunLog implements AutoCloseable {

    private final FileAppender<ILoggingEvent> appender;

    private RunLog(FileAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    /** Starts copying every log line (INFO and above) to {@code folder/run.log}, appending. */
    public static RunLog into(Path folder) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new RunLog(null);
        }
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        pattern.start();
        LayoutBase<ILoggingEvent> scrubbed = new LayoutBase<>() {
            @Override
            public String doLayout(ILoggingEvent event) {
                return UrlSecrets.scrubbed(pattern.doLayout(event));
            }
        };
        scrubbed.setContext(context);
        scrubbed.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(scrubbed);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        // Its own status context: when run.log cannot be written (a full disk), logback would otherwise print
        // its stack traces on the console, which belongs to the user; the run reports the failure itself.
        appender.setContext(new ContextBase());
        appender.setName("run.log");
        appender.setFile(folder.resolve("run.log").toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new RunLog(appender);
    }

    @Override
    public void close() {
        if (appender != null) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
                    .detachAppender(appender);
            appender.stop();
        }
    }
}

package dev.capi.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lines the configured console appender writes, captured by encoding each event with that appender's own
 * encoder (so the test sees exactly the configured format), until closed.
 */
final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Encoder<ILoggingEvent> encoder;
    private final Logger root;
    private final List<String> lines = new ArrayList<>();

    private CapturedLog(Logger root, Encoder<ILoggingEvent> encoder) {
        this.root = root;
        this.encoder = encoder;
    }

    static CapturedLog capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var configured = (OutputStreamAppender<ILoggingEvent>) root.iteratorForAppenders().next();
        CapturedLog captured = new CapturedLog(root, configured.getEncoder());
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        return captured;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        synchronized (lines) {
            lines.addAll(List.of(text.split("\\R")));
        }
    }

    /** The lines written so far that {@code wanted} accepts, waiting up to 5 s for at least one. */
    List<String> await(Predicate<String> wanted) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> found;
            synchronized (lines) {
                found = lines.stream().filter(wanted).toList();
            }
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such log line in " + lines());
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}

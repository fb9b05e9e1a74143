package dev.capi.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link LogFormat} to Logback: logback.xml reads the system property {@code capi.log.format} (else
 * {@code CAPI_LOG_FORMAT}) when it runs, so a format from the YAML file means setting it and configuring again.
 */
final class LogbackFormat {
    static final String PROPERTY = "capi.log.format";

    private LogbackFormat() {
    }

    static void use(LogFormat format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (format.appenderName().equals(context.getProperty(PROPERTY))) {
            return;
        }
        System.setProperty(PROPERTY, format.appenderName());
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot configure logging: " + e.getMessage(), e);
        }
    }
}

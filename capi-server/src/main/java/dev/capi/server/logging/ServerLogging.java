package dev.capi.server.logging;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The standalone server's logging set-up at start: java.util.logging (and with it {@link System.Logger}, whose
 * default backend it is) goes to SLF4J, and Logback writes the configured {@link LogFormat}. An embedding
 * platform that brings another SLF4J backend keeps its own configuration; only the JDK bridge is installed.
 */
public final class ServerLogging {
    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    private ServerLogging() {
    }

    /** Bridges JDK logging into SLF4J (once) and, under Logback, switches to {@code format} if not in force. */
    public static synchronized void install(LogFormat format) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        if (LOGBACK.equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            LogbackFormat.use(format);
        }
    }
}

package dev.capi.server.logging;

import java.util.Locale;

/** The operator log's line format ({@code CAPI_LOG_FORMAT}, YAML {@code log_format}). */
public enum LogFormat {
    /** {@code <timestamp> <level> <logger> [<request id>] <message>}. */
    TEXT,
    /** One JSON object per line: timestamp, level, logger, thread, request_id, message and structured fields. */
    JSON;

    /** The format named {@code name} (any case); {@code null} or blank is {@link #TEXT}. */
    public static LogFormat parse(String name) {
        if (name == null || name.isBlank()) {
            return TEXT;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log_format must be text or json, not '" + name + "'", e);
        }
    }

    /** The name logback.xml knows the format's appender by. */
    public String appenderName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

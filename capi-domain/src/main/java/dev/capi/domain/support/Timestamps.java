package dev.capi.domain.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The reference's timestamp format in documents ({@code 2016-06-08T16:41:22Z}), for every adapter. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code 2016-06-08T16:41:22Z} (whole seconds, UTC); null stays null. */
    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}

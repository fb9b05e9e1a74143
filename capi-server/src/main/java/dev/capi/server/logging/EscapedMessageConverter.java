package dev.capi.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.capi.domain.support.ControlCharacters;

/**
 * {@code %escapedMessage} in logback.xml: the formatted message with every control character written as
 * {@code \\uXXXX}, so that client input reaching a message can neither break a line nor forge one.
 */
public final class EscapedMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return ControlCharacters.escape(event.getFormattedMessage());
    }
}

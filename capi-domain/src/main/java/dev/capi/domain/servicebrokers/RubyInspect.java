package dev.capi.domain.servicebrokers;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a parsed JSON value as Ruby's {@code inspect} does, for the reference's catalog error texts. */
final class RubyInspect {
    private RubyInspect() {
    }

    static String of(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> of(e.getKey()) + " => " + of(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RubyInspect::of).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}

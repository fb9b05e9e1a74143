package dev.capi.persistence.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/** Small maps and lists kept as JSON text in one column (process types, buildpack names). */
public final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {
    }

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> stringMap(String json) {
        return read(json, new TypeReference<Map<String, String>>() { }, Map.of());
    }

    public static List<String> stringList(String json) {
        return read(json, new TypeReference<List<String>>() { }, List.of());
    }

    private static <T> T read(String json, TypeReference<T> type, T empty) {
        if (json == null || json.isEmpty()) {
            return empty;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON column: " + e.getMessage(), e);
        }
    }
}

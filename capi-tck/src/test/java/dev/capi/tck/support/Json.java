package dev.capi.tck.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** JSON helpers for tests: {@code Json.obj("name", "x", "suspended", false)} and parsing. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An object from alternating keys and values (values may be nested JsonNodes, strings, numbers, booleans, null). */
    public static ObjectNode obj(Object... kv) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            node.set((String) kv[i], MAPPER.valueToTree(kv[i + 1]));
        }
        return node;
    }

    /** {@code {"data": {"guid": guid}}}. */
    public static ObjectNode rel(String guid) {
        return obj("data", obj("guid", guid));
    }

    public static JsonNode parse(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (IOException e) {
            return null;
        }
    }
}

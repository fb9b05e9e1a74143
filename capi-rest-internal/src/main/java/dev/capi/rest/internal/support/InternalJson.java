package dev.capi.rest.internal.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;

import java.io.IOException;

/**
 * The internal API's JSON mapper, configured as the V3 adapter's: trailing tokens refused, empty beans allowed. Request
 * bodies that are not a JSON object are 400 MessageParseError, as on the V3 API.
 */
public final class InternalJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private InternalJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; anything that is not a JSON object is 400 MessageParseError. An empty body is {}. */
    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw CfException.of(CfError.MessageParseError, "invalid request body");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw CfException.of(CfError.MessageParseError, "invalid request body");
        }
    }

    /**
     * A field as {@link dev.capi.domain.support.MessageErrors} reads it: its text, null when absent or null, the node
     * itself for other types.
     */
    public static Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

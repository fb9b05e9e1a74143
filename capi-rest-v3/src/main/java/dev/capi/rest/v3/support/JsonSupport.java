package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.Timestamps;

import java.io.IOException;
import java.time.Instant;

/** The one JSON mapper of the REST adapters, and the reference's timestamp format. */
public final class JsonSupport {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonSupport() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A resource document's opening: {@code guid}, {@code created_at}, {@code updated_at}, in the reference's order. */
    public static ObjectNode resource(String guid, Instant createdAt, Instant updatedAt) {
        ObjectNode node = object();
        node.put("guid", guid);
        node.put("created_at", timestamp(createdAt));
        node.put("updated_at", timestamp(updatedAt));
        return node;
    }

    /** {@code 2016-06-08T16:41:22Z}; null stays null. */
    public static String timestamp(Instant instant) {
        return Timestamps.format(instant);
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
            refuseUnstorableText(node, null);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw CfException.of(CfError.MessageParseError, "invalid request body");
        }
    }

    /**
     * Text no database can hold, anywhere in a body: an unpaired UTF-16 surrogate (from a {@code \\ud800} escape) is
     * a parse error; a NUL is refused as the top-level field's problem (422), before any field rule runs.
     */
    private static void refuseUnstorableText(JsonNode node, String field) {
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String top = field != null ? field : e.getKey();
            checkText(e.getKey(), top);
            refuseUnstorableText(e.getValue(), top);
        }
        if (node.isArray()) {
            node.forEach(child -> refuseUnstorableText(child, field));
        }
        if (node.isTextual()) {
            checkText(node.textValue(), field);
        }
    }

    private static void checkText(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw CfException.of(CfError.MessageParseError, "invalid request body");
            } else if (c == 0) {
                throw CfException.unprocessable(Body.humanize(field) + " must not contain control characters");
            }
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

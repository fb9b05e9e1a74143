package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.rest.v3.support.JsonSupport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON edge of the {@code /uaa} endpoints: lenient reading of request bodies, JSON responses, and UAA's error
 * document ({@code {"error": ..., "error_description": ...}}) rather than the V3 one.
 */
final class UaaJson {
    private UaaJson() {
    }

    /** The parsed document, or null when {@code raw} is null or not JSON. */
    static JsonNode parse(String raw) {
        try {
            return raw == null ? null : JsonSupport.MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** UAA's error document with this status. */
    static Response error(int status, String error, String description) {
        ObjectNode body = JsonSupport.object();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    static Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JsonSupport.write(body)).build();
    }
}

package dev.capi.tck.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.http.HttpHeaders;

/** One HTTP answer: status, headers, raw body and (when it is JSON) the parsed body. */
public record ApiResponse(int status, HttpHeaders headers, String raw, JsonNode json) {
    public JsonNode body() {
        return json == null ? MissingNode.getInstance() : json;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The first error's title, e.g. {@code CF-ResourceNotFound}. */
    public String errorTitle() {
        return body().path("errors").path(0).path("title").asText(null);
    }

    public String errorDetail() {
        return body().path("errors").path(0).path("detail").asText(null);
    }

    /**
     * {@code field} of each resource of a list, top level only ({@code findValuesAsText} would also collect the
     * guids inside relationships).
     */
    public java.util.List<String> resourceValues(String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        body().path("resources").forEach(r -> values.add(r.path(field).asText(null)));
        return values;
    }

    public int errorCode() {
        return body().path("errors").path(0).path("code").asInt(-1);
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}

package dev.capi.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Bare HTTP calls for the server's over-HTTP tests: a bearer token, an optional JSON body, the answer parsed. */
public final class ApiCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiCalls() {
    }

    /** A status, its JSON body (an empty object when there is none) and the raw response (headers). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String detail() {
            return body.path("errors").path(0).path("detail").asText();
        }

        public String title() {
            return body.path("errors").path(0).path("title").asText();
        }

        /** The field's value in each resource of a list answer. */
        public List<String> values(String field) {
            List<String> values = new ArrayList<>();
            body.path("resources").forEach(r -> values.add(r.path(field).asText()));
            return values;
        }
    }

    public static Answer send(String base, String token, String method, String path, String body) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

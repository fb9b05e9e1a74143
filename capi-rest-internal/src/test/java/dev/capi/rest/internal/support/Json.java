package dev.capi.rest.internal.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading responses in tests. */
public final class Json {
    private Json() {
    }

    public static JsonNode body(HttpResponse<String> response) {
        try {
            return InternalJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the V3 error document with one error: status, title, code and detail. */
    public static void assertError(HttpResponse<String> response, int status, String title, int code, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode errors = body(response).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("title").asText()).isEqualTo(title);
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(code);
        if (detail != null) {
            assertThat(errors.get(0).get("detail").asText()).isEqualTo(detail);
        }
    }
}

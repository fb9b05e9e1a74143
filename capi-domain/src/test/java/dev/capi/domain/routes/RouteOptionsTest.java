package dev.capi.domain.routes;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouteOptionsTest {
    @Test
    void withoutTheFlagOnlyRoundRobinAndLeastConnection() {
        assertThat(RouteOptions.errors(Map.of("loadbalancing", "least-connection"), "{}", false)).isEmpty();
        assertThat(RouteOptions.errors(Map.of("loadbalancing", "hash"), "{}", false)).containsExactly(
                "Options Loadbalancing must be one of 'round-robin, least-connection' if present");
        assertThat(RouteOptions.errors(Map.of("hash_header", "X"), "{}", false))
                .containsExactly("Options Unknown field(s): 'hash_header'");
    }

    @Test
    void withTheFlagHashOptionsAreChecked() {
        assertThat(RouteOptions.errors(Map.of("loadbalancing", "hash", "hash_header", "X", "hash_balance", "1.5"),
                "{}", true)).isEmpty();
        assertThat(RouteOptions.errors(Map.of("hash_balance", "0.5"), "{}", true))
                .containsExactly("Options Hash balance must be either 0 or between 1.1 and 10.0");
        assertThat(RouteOptions.errors(Map.of("hash_balance", "abc"), "{}", true))
                .containsExactly("Options Hash balance must be a numeric value");
        assertThat(RouteOptions.errors(Map.of("loadbalancing", "round-robin", "hash_header", "X"), "{}", true))
                .containsExactly("Options Hash header can only be set when loadbalancing is hash");
    }

    @Test
    void refusesLargeOptions() {
        assertThat(RouteOptions.errors(Map.of(), "x".repeat(1025), false))
                .containsExactly("Options must be smaller than 1024 bytes (actual size is 1025 bytes)");
    }

    @Test
    void normalizesAsTheReferenceStoresThem() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("loadbalancing", "hash");
        in.put("hash_header", "X-User");
        in.put("hash_balance", 2.25);
        assertThat(RouteOptions.normalize(in)).containsExactly(Map.entry("loadbalancing", "hash"),
                Map.entry("hash_header", "X-User"), Map.entry("hash_balance", "2.3"));
        Map<String, Object> dropped = new LinkedHashMap<>();
        dropped.put("loadbalancing", "round-robin");
        dropped.put("hash_header", "X");
        dropped.put("gone", null);
        assertThat(RouteOptions.normalize(dropped)).containsExactly(Map.entry("loadbalancing", "round-robin"));
    }
}

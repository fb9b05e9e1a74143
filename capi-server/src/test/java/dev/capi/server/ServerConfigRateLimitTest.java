package dev.capi.server;

import dev.capi.domain.ratelimit.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerConfigRateLimitTest {

    @Test
    void theLimiterIsOffByDefault() {
        assertThat(ServerConfig.load(null, Map.of()).rateLimits().enabled()).isFalse();
    }

    @Test
    void theEnvironmentTurnsItOn() {
        var config = ServerConfig.load(null, Map.of("CAPI_RATE_LIMIT_GENERAL", "3",
                "CAPI_RATE_LIMIT_RESET_MINUTES", "1"));
        assertThat(config.rateLimits()).isEqualTo(RateLimits.on(3, RateLimits.DEFAULT_UNAUTHENTICATED, 1));
    }

    @Test
    void yamlSetsItAndTheEnvironmentOverridesIt(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("capi.yml"),
                "rate_limit:\n  general: 10\n  unauthenticated: 4\n  reset_minutes: 5\n");
        assertThat(ServerConfig.load(yaml, Map.of()).rateLimits()).isEqualTo(RateLimits.on(10, 4, 5));
        assertThat(ServerConfig.load(yaml, Map.of("CAPI_RATE_LIMIT_UNAUTHENTICATED", "7")).rateLimits())
                .isEqualTo(RateLimits.on(10, 7, 5));
    }
}

package dev.capi.server.logging;

import dev.capi.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log format comes from CAPI_LOG_FORMAT, else the YAML key log_format, else text. */
class LogFormatConfigTest {
    @TempDir
    Path dir;

    @Test
    void textUnlessConfigured() {
        assertThat(ServerConfig.load(null, Map.of()).logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void yamlKeyThenEnvironmentVariable() throws Exception {
        Path yaml = Files.writeString(dir.resolve("capi.yml"), "log_format: json\n");
        assertThat(ServerConfig.load(yaml, Map.of()).logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(ServerConfig.load(yaml, Map.of("CAPI_LOG_FORMAT", "text")).logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(ServerConfig.load(null, Map.of("CAPI_LOG_FORMAT", "JSON")).logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void anyOtherFormatIsAConfigurationError() {
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CAPI_LOG_FORMAT", "xml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text or json");
    }
}

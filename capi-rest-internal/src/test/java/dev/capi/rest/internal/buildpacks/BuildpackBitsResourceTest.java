package dev.capi.rest.internal.buildpacks;

import dev.capi.model.Buildpack;
import dev.capi.model.Metadata;
import dev.capi.rest.internal.support.InternalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class BuildpackBitsResourceTest {
    private static final Instant T0 = Instant.parse("2025-12-31T00:00:00Z");
    private final InternalApiServer api = new InternalApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    private Buildpack buildpack(String filename, String blobKey) {
        var b = new Buildpack(api.domain.nextGuid(), T0, T0, "ruby_buildpack", null, "buildpack", 1, true, false,
                filename, blobKey, null, Metadata.empty());
        api.domain.buildpacks.insert(b);
        return b;
    }

    @Test
    void stagersDownloadTheBitsWithTheirNameAndLength() {
        byte[] bits = "buildpack zip".getBytes(StandardCharsets.UTF_8);
        api.domain.blobs.put("buildpacks/bp1", bits);
        var bp = buildpack("ruby_buildpack-v1.zip", "buildpacks/bp1");

        var response = api.getBytes("/v2/buildpacks/" + bp.guid() + "/download");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bits);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(bits.length);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"ruby_buildpack-v1.zip\"");
    }

    @Test
    void aBuildpackWithoutBitsOrUnknownIs404() {
        var awaiting = buildpack(null, null);
        assertError(api.get("/v2/buildpacks/" + awaiting.guid() + "/download"), 404, "CF-ResourceNotFound", 10010,
                "Buildpack not found");
        var lost = buildpack("lost.zip", "buildpacks/gone");
        assertError(api.get("/v2/buildpacks/" + lost.guid() + "/download"), 404, "CF-ResourceNotFound", 10010,
                "Buildpack not found");
        assertError(api.get("/v2/buildpacks/no-such-buildpack/download"), 404, "CF-ResourceNotFound", 10010,
                "Buildpack not found");
    }
}

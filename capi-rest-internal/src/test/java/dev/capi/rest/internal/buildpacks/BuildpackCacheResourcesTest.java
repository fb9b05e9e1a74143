package dev.capi.rest.internal.buildpacks;

import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class BuildpackCacheResourcesTest {
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);

    @AfterEach
    void stop() {
        api.close();
    }

    private String upload(String stack, String app) {
        return "/internal/v4/buildpack_cache/" + stack + "/" + app + "/upload";
    }

    private String download(String stack, String app) {
        return "/staging/v3/buildpack_cache/" + stack + "/" + app + "/download";
    }

    @Test
    void anUploadedCacheIsStoredPerAppAndStackAndDownloadedAgain() {
        byte[] cache = "cached gems".getBytes(StandardCharsets.UTF_8);

        var response = api.upload(upload("cflinuxfs4", seeds.app.guid()), "buildpack_cache", cache);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(api.domain.blobs.bytes("buildpack_cache/" + seeds.app.guid() + "/cflinuxfs4")).hasValue(cache);
        var downloaded = api.getBytes(download("cflinuxfs4", seeds.app.guid()));
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(downloaded.body()).isEqualTo(cache);
    }

    @Test
    void aFilePartOfAnyNameIsTheCache() {
        byte[] cache = "other name".getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload(upload("cflinuxfs3", seeds.app.guid()), "file", cache).statusCode()).isEqualTo(200);
        assertThat(api.getBytes(download("cflinuxfs3", seeds.app.guid())).body()).isEqualTo(cache);
    }

    @Test
    void anUnknownAppIs404AndNothingIsStored() {
        assertError(api.upload(upload("cflinuxfs4", "no-such-app"), "buildpack_cache", new byte[]{1}), 404,
                "CF-ResourceNotFound", 10010, "App not found");
        assertThat(api.domain.blobs.keys()).noneMatch(k -> k.startsWith("buildpack_cache/"));
        assertError(api.get(download("cflinuxfs4", "no-such-app")), 404, "CF-ResourceNotFound", 10010,
                "App not found");
    }

    @Test
    void noCacheForTheStackYetIs404() {
        assertError(api.get(download("cflinuxfs4", seeds.app.guid())), 404, "CF-ResourceNotFound", 10010,
                "Buildpack cache not found");
    }

    @Test
    void anUploadThatIsNotMultipartIsRefused() {
        var response = api.post(upload("cflinuxfs4", seeds.app.guid()), "{}");
        assertError(response, 400, "CF-MessageParseError", 1001, "invalid request body");
    }
}

package dev.capi.rest.internal.packages;

import dev.capi.domain.fakes.InMemoryBlobStore;
import dev.capi.model.AppPackage;
import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class InternalPackagesResourcesTest {
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);

    @AfterEach
    void stop() {
        api.close();
    }

    private AppPackage reload(AppPackage p) {
        return api.domain.packages.find(p.guid()).orElseThrow();
    }

    @Test
    void aBitsServiceReportsAnUploadWithItsChecksums() {
        var pkg = seeds.bitsPackage(AppPackage.PROCESSING_UPLOAD, "packages/x");

        var response = api.patch("/internal/v4/packages/" + pkg.guid(), "{\"state\":\"READY\",\"checksums\":["
                + "{\"type\":\"sha1\",\"value\":\"aaa\"},{\"type\":\"sha256\",\"value\":\"bbb\"}]}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(reload(pkg).state()).isEqualTo(AppPackage.READY);
        assertThat(reload(pkg).sha1()).isEqualTo("aaa");
        assertThat(reload(pkg).sha256()).isEqualTo("bbb");
    }

    @Test
    void aFailedUploadKeepsItsError() {
        var pkg = seeds.bitsPackage(AppPackage.PROCESSING_UPLOAD, null);

        var response = api.patch("/internal/v4/packages/" + pkg.guid(), "{\"state\":\"FAILED\",\"error\":\"disk full\"}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(reload(pkg).state()).isEqualTo(AppPackage.FAILED);
        assertThat(reload(pkg).error()).isEqualTo("disk full");
    }

    @Test
    void theMessageIsValidatedStrictlyWithEveryProblemAtOnce() {
        var pkg = seeds.bitsPackage(AppPackage.PROCESSING_UPLOAD, null);

        assertError(api.patch("/internal/v4/packages/" + pkg.guid(), "{\"bogus\":1,\"error\":5}"), 422,
                "CF-UnprocessableEntity", 10008,
                "Unknown field(s): 'bogus', State can't be blank, State must be a string, Error must be a string");
        assertError(api.patch("/internal/v4/packages/" + pkg.guid(), "{\"state\":\"STAGED\"}"), 422,
                "CF-UnprocessableEntity", 10008, "State must be one of 'READY', 'FAILED'");
        assertError(api.patch("/internal/v4/packages/" + pkg.guid(), "{\"state\":\"" + "R".repeat(33) + "\"}"), 422,
                "CF-UnprocessableEntity", 10008, "State is too long (maximum is 32 characters)");
        assertThat(reload(pkg).state()).isEqualTo(AppPackage.PROCESSING_UPLOAD);
    }

    @Test
    void anUnknownPackageIs404() {
        assertError(api.patch("/internal/v4/packages/no-such-package", "{\"state\":\"READY\"}"), 404,
                "CF-ResourceNotFound", 10010, "Package not found");
    }

    @Test
    void stagersDownloadAReadyPackagesBits() {
        byte[] bits = "zip bits".getBytes(StandardCharsets.UTF_8);
        api.domain.blobs.put("packages/p1", bits);
        var pkg = seeds.bitsPackage(AppPackage.READY, "packages/p1");

        var response = api.getBytes("/staging/packages/" + pkg.guid());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.body()).isEqualTo(bits);
        assertThat(InMemoryBlobStore.sha1(response.body())).isEqualTo(InMemoryBlobStore.sha1(bits));
    }

    @Test
    void aPackageWithoutBitsOrUnknownIsRefused() {
        var pending = seeds.bitsPackage(AppPackage.AWAITING_UPLOAD, null);
        assertError(api.get("/staging/packages/" + pending.guid()), 422, "CF-UnprocessableEntity", 10008,
                "Package has no bits to download.");
        assertError(api.get("/staging/packages/no-such-package"), 404, "CF-ResourceNotFound", 10010,
                "Package not found");
    }
}

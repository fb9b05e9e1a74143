package dev.capi.rest.internal.staging;

import dev.capi.domain.fakes.InMemoryBlobStore;
import dev.capi.model.AppPackage;
import dev.capi.model.Build;
import dev.capi.model.Droplet;
import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static dev.capi.rest.internal.support.Json.assertError;
import static dev.capi.rest.internal.support.Json.body;
import static org.assertj.core.api.Assertions.assertThat;

class InternalDropletResourcesTest {
    private static final byte[] TARBALL = "droplet tarball".getBytes(StandardCharsets.UTF_8);
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);
    private final AppPackage pkg = seeds.bitsPackage(AppPackage.READY, "packages/p");
    private final Build build = seeds.stagingBuild(pkg);
    private final Droplet droplet = seeds.droplet(Droplet.STAGING, build.guid(), pkg.guid());

    @AfterEach
    void stop() {
        api.close();
    }

    private Droplet droplet() {
        return api.domain.droplets.find(droplet.guid()).orElseThrow();
    }

    private static String md5(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void theUploaderStoresADropletByBuildGuidAndPollsTheJobItGets() throws Exception {
        var response = api.upload("/internal/v4/droplets/" + build.guid() + "/upload", "droplet", TARBALL,
                "Content-MD5", md5(TARBALL));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var job = body(response);
        assertThat(job.at("/entity/status").asText()).isIn("queued", "running");
        assertThat(api.domain.blobs.bytes("droplets/" + droplet.guid())).hasValue(TARBALL);
        assertThat(droplet().sha1()).isEqualTo(InMemoryBlobStore.sha1(TARBALL));
        assertThat(droplet().sha256()).isEqualTo(InMemoryBlobStore.sha256(TARBALL));
        String jobGuid = job.at("/metadata/guid").asText();
        assertThat(api.domain.jobs.find(jobGuid)).hasValueSatisfying(j -> {
            assertThat(j.operation()).isEqualTo("droplet.upload");
            assertThat(j.resourceGuid()).isEqualTo(droplet.guid());
        });
        var polled = api.get(job.at("/metadata/url").asText());
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(body(polled).at("/entity/guid").asText()).isEqualTo(jobGuid);
    }

    @Test
    void aMatchingContentDigestIsAcceptedByDropletGuid() {
        String sha256 = InMemoryBlobStore.sha256(TARBALL);
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":";

        var response = api.upload("/internal/v4/droplets/" + droplet.guid() + "/upload", "droplet", TARBALL,
                "Content-Digest", digest);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(droplet().sha256()).isEqualTo(sha256);
    }

    @Test
    void aChecksumMismatchIsAStagingErrorAndKeepsNoBits() throws Exception {
        var wrongMd5 = api.upload("/internal/v4/droplets/" + build.guid() + "/upload", "droplet", TARBALL,
                "Content-MD5", md5("other".getBytes(StandardCharsets.UTF_8)));
        assertError(wrongMd5, 400, "CF-StagingError", 170001, "Staging error: droplet upload checksum does not match");
        var wrongDigest = api.upload("/internal/v4/droplets/" + build.guid() + "/upload", "droplet", TARBALL,
                "Content-Digest", "sha1=" + InMemoryBlobStore.sha1("other".getBytes(StandardCharsets.UTF_8)));
        assertError(wrongDigest, 400, "CF-StagingError", 170001, null);

        assertThat(api.domain.blobs.keys()).noneMatch(k -> k.startsWith("droplets/"));
        assertThat(droplet().sha256()).isNull();
    }

    @Test
    void anUploadForNoDropletIs404() {
        assertError(api.upload("/internal/v4/droplets/no-such-droplet/upload", "droplet", TARBALL), 404,
                "CF-ResourceNotFound", 10010, "Droplet not found");
    }

    @Test
    void stagersAndCellsDownloadADropletsBitsByGuid() {
        var staged = stagedCurrentDroplet();

        var response = api.getBytes("/staging/v3/droplets/" + staged.guid() + "/download");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TARBALL);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(TARBALL.length);
        assertError(api.get("/staging/v3/droplets/" + droplet.guid() + "/download"), 404, "CF-ResourceNotFound",
                10010, "Droplet not found");
        assertError(api.get("/staging/v3/droplets/no-such-droplet/download"), 404, "CF-ResourceNotFound", 10010,
                "Droplet not found");
    }

    @Test
    void thePermalinkServesTheCurrentDropletOfTheProcessesAppByChecksum() {
        var staged = stagedCurrentDroplet();
        String process = seeds.web.guid();

        for (String version : new String[]{"v2", "v4"}) {
            var bySha256 = api.getBytes("/internal/" + version + "/droplets/" + process + "/" + staged.sha256()
                    + "/download");
            assertThat(bySha256.statusCode()).isEqualTo(200);
            assertThat(bySha256.body()).isEqualTo(TARBALL);
            assertThat(api.getBytes("/internal/" + version + "/droplets/" + process + "/" + staged.sha1()
                    + "/download").statusCode()).isEqualTo(200);
        }
        assertError(api.get("/internal/v4/droplets/" + process + "/not-the-checksum/download"), 404,
                "CF-ResourceNotFound", 10010, "Droplet not found");
        assertError(api.get("/internal/v4/droplets/no-such-process/" + staged.sha256() + "/download"), 404,
                "CF-ResourceNotFound", 10010, "Droplet not found");
        assertError(api.get("/internal/v3/droplets/" + process + "/" + staged.sha256() + "/download"), 404,
                "CF-NotFound", 10000, null);
    }

    private Droplet stagedCurrentDroplet() {
        var info = api.domain.blobs.put("droplets/current", TARBALL);
        var staged = new Droplet(api.domain.nextGuid(), Seeds.T0, Seeds.T0, seeds.app.guid(), seeds.space.guid(),
                seeds.org.guid(), pkg.guid(), null, Droplet.STAGED, null, "buildpack", java.util.Map.of(), null,
                java.util.List.of(), "cflinuxfs4", null, info.sha1(), info.sha256(), "droplets/current",
                dev.capi.model.Metadata.empty());
        api.domain.droplets.insert(staged);
        seeds.current(staged);
        return staged;
    }
}

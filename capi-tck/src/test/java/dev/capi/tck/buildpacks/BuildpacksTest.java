package dev.capi.tck.buildpacks;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import dev.capi.tck.support.Zips;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/buildpacks} (with uploads) and {@code /v3/admin/actions/clear_buildpack_cache}. */
@Checks({
        "DELETE /v3/buildpacks/:guid",
        "GET /v2/buildpacks/:guid/download",
        "GET /v3/buildpacks",
        "GET /v3/buildpacks/:guid",
        "POST /internal/v4/buildpack_cache/:stack_name/:guid/upload",
        "POST /v3/admin/actions/clear_buildpack_cache",
        "POST /v3/apps",
        "POST /v3/buildpacks",
        "POST /v3/buildpacks/:guid/upload"})
class BuildpacksTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    static JsonNode create(Object... fields) {
        List<Object> kv = new ArrayList<>(List.of("name", Tck.unique("bp")));
        kv.addAll(List.of(fields));
        ApiResponse r = admin.post("/v3/buildpacks", obj(kv.toArray()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    static ApiResponse upload(Cf cf, String guid, String filename, byte[] bits) {
        return cf.upload("POST", "/v3/buildpacks/" + guid + "/upload", new Multipart().file("bits", filename, bits));
    }

    /** The names of the lifecycle's buildpacks in position order, and whether the positions are 1..n. */
    static List<String> order(String lifecycle) {
        JsonNode page = admin.get("/v3/buildpacks?per_page=5000&lifecycle=" + lifecycle).body();
        List<String> names = new ArrayList<>();
        int expected = 1;
        for (JsonNode b : page.path("resources")) {
            assertThat(b.path("position").asInt()).as("positions are dense").isEqualTo(expected++);
            names.add(b.path("name").asText());
        }
        return names;
    }

    @Nested
    @DisplayName("create, read, update")
    @Checks({
            "DELETE /v3/buildpacks/:guid",
            "GET /v3/audit_events",
            "GET /v3/buildpacks",
            "GET /v3/buildpacks/:guid",
            "PATCH /v3/buildpacks/:guid",
            "POST /v3/buildpacks"})
    class Crud {
        @Test
        void createsWithTheReferenceDefaultsAndFields() {
            JsonNode b = create();
            assertThat(b.path("state").asText()).isEqualTo("AWAITING_UPLOAD");
            assertThat(b.path("position").asInt()).isEqualTo(1);
            assertThat(b.path("enabled").asBoolean()).isTrue();
            assertThat(b.path("locked").asBoolean()).isFalse();
            assertThat(b.path("lifecycle").asText()).isEqualTo("buildpack");
            assertThat(b.path("stack").isNull()).isTrue();
            assertThat(b.path("filename").isNull()).isTrue();
            assertThat(b.path("links").path("upload").path("method").asText()).isEqualTo("POST");
            assertThat(b.path("links").path("upload").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/buildpacks/" + b.path("guid").asText() + "/upload");
            assertThat(admin.get("/v3/audit_events?types=audit.buildpack.create&target_guids="
                    + b.path("guid").asText()).body().path("resources")).hasSize(1);
        }

        @Test
        void onlyAdminsWriteAndEveryoneReads() {
            String guid = create().path("guid").asText();
            actors.check(Expect.byDefault(403).and(201, ADMIN),
                    cf -> cf.post("/v3/buildpacks", obj("name", Tck.unique("bp"))));
            actors.check(Expect.byDefault(200), cf -> cf.get("/v3/buildpacks/" + guid));
            actors.check(Expect.byDefault(200), cf -> cf.get("/v3/buildpacks?names=x"));
            actors.check(Expect.byDefault(403).and(200, ADMIN),
                    cf -> cf.patch("/v3/buildpacks/" + guid, obj("enabled", true)));
            actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN), cf -> cf.delete("/v3/buildpacks/" + guid));
            actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN),
                    cf -> upload(cf, guid, "bp.zip", Zips.of(Map.of("bin/detect", "#!/bin/sh"))));
            assertThat(admin.get("/v3/buildpacks/nope").errorDetail()).isEqualTo("Buildpack not found");
        }

        @Test
        void keepsPositionsDensePerLifecycle() {
            String a = create("lifecycle", "cnb").path("name").asText();
            String b = create("lifecycle", "cnb").path("name").asText();
            JsonNode c = create("lifecycle", "cnb", "position", 9999);
            assertThat(order("cnb")).containsSubsequence(b, a, c.path("name").asText());
            assertThat(order("cnb").get(order("cnb").size() - 1)).isEqualTo(c.path("name").asText());

            ApiResponse moved = admin.patch("/v3/buildpacks/" + c.path("guid").asText(), obj("position", 1));
            assertThat(moved.body().path("position").asInt()).isEqualTo(1);
            assertThat(order("cnb")).startsWith(c.path("name").asText()).containsSubsequence(b, a);

            String bGuid = admin.get("/v3/buildpacks?names=" + b).body().path("resources").path(0).path("guid")
                    .asText();
            admin.awaitJob(admin.delete("/v3/buildpacks/" + bGuid));
            assertThat(order("cnb")).doesNotContain(b).containsSubsequence(c.path("name").asText(), a);
        }

        @Test
        void filtersAndOrders() {
            String name = create("stack", "cflinuxfs4").path("name").asText();
            assertThat(admin.get("/v3/buildpacks?names=" + name + "&stacks=cflinuxfs4").resourceValues("name"))
                    .containsExactly(name);
            assertThat(admin.get("/v3/buildpacks?names=" + name + "&stacks=cflinuxfs3").resourceValues("name"))
                    .isEmpty();
            assertThat(admin.get("/v3/buildpacks?order_by=-position").status()).isEqualTo(200);
            assertThat(admin.get("/v3/buildpacks?lifecycle=docker").status()).isEqualTo(400);
            assertThat(admin.get("/v3/buildpacks?bogus=1").status()).isEqualTo(400);
        }

        @Test
        void refusesDuplicatesAndUnknownStacks() {
            JsonNode b = create("stack", "cflinuxfs4");
            String name = b.path("name").asText();
            ApiResponse dup = admin.post("/v3/buildpacks", obj("name", name, "stack", "cflinuxfs4"));
            assertThat(dup.status()).isEqualTo(422);
            assertThat(dup.errorDetail()).isEqualTo("Buildpack with name '" + name
                    + "', stack 'cflinuxfs4' and lifecycle 'buildpack' already exists");
            assertThat(admin.post("/v3/buildpacks", obj("name", name, "stack", "cflinuxfs4", "lifecycle", "cnb"))
                    .status()).as("another lifecycle is another buildpack").isEqualTo(201);
            JsonNode unassigned = create();
            ApiResponse dupNull = admin.post("/v3/buildpacks", obj("name", unassigned.path("name").asText()));
            assertThat(dupNull.errorDetail()).isEqualTo("Buildpack with name '" + unassigned.path("name").asText()
                    + "' and an unassigned stack already exists");
            assertThat(admin.post("/v3/buildpacks", obj("name", Tck.unique("bp"), "stack", "nope")).errorDetail())
                    .isEqualTo("Stack 'nope' does not exist");
            assertThat(admin.patch("/v3/buildpacks/" + b.path("guid").asText(), obj("stack", "cflinuxfs3"))
                    .errorDetail()).isEqualTo("Buildpack stack cannot be changed");
            assertThat(admin.patch("/v3/buildpacks/" + unassigned.path("guid").asText(),
                    obj("stack", "cflinuxfs3")).body().path("stack").asText()).isEqualTo("cflinuxfs3");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"name\": \"bad name!\"}|Name is invalid",
                "{\"name\": \"ok\", \"position\": 0}|Position must be greater than or equal to 1",
                "{\"name\": \"ok\", \"position\": \"1\"}|Position is not a number",
                "{\"name\": \"ok\", \"lifecycle\": \"docker\"}|Lifecycle must be either \"buildpack\" or \"cnb\"",
                "{\"name\": \"ok\", \"enabled\": \"yes\"}|Enabled must be a boolean",
                "{\"name\": \"ok\", \"colour\": 1}|Unknown field(s): 'colour'",
                "{}|Name can't be blank"})
        void refusesBadBodies(String body, String detail) {
            var before = admin.guids("/v3/buildpacks");
            ApiResponse r = admin.send("POST", "/v3/buildpacks", body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).contains(detail);
            assertThat(before).as("nothing created").containsAll(admin.guids("/v3/buildpacks"));
        }
    }

    @Nested
    @DisplayName("POST /v3/buildpacks/:guid/upload")
    @Checks({
            "GET /v2/buildpacks/:guid/download",
            "GET /v3/audit_events",
            "GET /v3/buildpacks/:guid",
            "POST /v3/buildpacks/:guid/upload"})
    class Upload {
        static final byte[] GOOD = Zips.of(Map.of("bin/detect", "#!/bin/sh\necho ok", "manifest.yml",
                "language: test\nstack: cflinuxfs4\n"));

        @Test
        void storesTheBitsThroughAJobAndServesThemToStagers() {
            JsonNode b = create();
            String guid = b.path("guid").asText();
            ApiResponse accepted = upload(admin, guid, "my-buildpack.zip", GOOD);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.body().path("guid").asText()).isEqualTo(guid);
            JsonNode job = admin.awaitJob(accepted);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("buildpack.upload");
            assertThat(job.path("links").path("buildpack").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/buildpacks/" + guid);

            JsonNode ready = admin.get("/v3/buildpacks/" + guid).body();
            assertThat(ready.path("state").asText()).isEqualTo("READY");
            assertThat(ready.path("filename").asText()).isEqualTo("my-buildpack.zip");
            assertThat(ready.path("stack").asText()).as("taken from the buildpack's manifest").isEqualTo("cflinuxfs4");
            assertThat(admin.get("/v3/audit_events?types=audit.buildpack.upload&target_guids=" + guid).body()
                    .path("resources")).hasSize(1);

            Cf internal = tck.internal();
            if (internal != null) {
                var download = internal.download("/v2/buildpacks/" + guid + "/download");
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(download.body()).isEqualTo(GOOD);
                assertThat(internal.download("/v2/buildpacks/nope/download").statusCode())
                        .isEqualTo(404);
            }
        }

        @Test
        void refusesBadBitsAndKeepsWhatWasThere() {
            String guid = create().path("guid").asText();
            admin.awaitJob(upload(admin, guid, "first.zip", GOOD));

            assertRefused(upload(admin, guid, "notes.txt", "just text".getBytes(StandardCharsets.UTF_8)),
                    "Uploaded buildpack file is invalid: notes.txt is not a zip file. Buildpacks of lifecycle "
                            + "\"buildpack\" must be valid zip files.");
            assertRefused(upload(admin, guid, "evil.zip", Zips.of(Map.of("../../etc/cron.d/x", "boom"))),
                    "Uploaded buildpack file is invalid: evil.zip contains an entry outside the buildpack: "
                            + "../../etc/cron.d/x");
            assertRefused(upload(admin, guid, "empty.zip", new byte[0]),
                    "Uploaded buildpack file is invalid: empty.zip cannot be empty");
            byte[] corrupt = "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1);
            ApiResponse corrupted = upload(admin, guid, "corrupt.zip", corrupt);
            assertThat(corrupted.errorTitle()).isEqualTo("CF-BuildpackZipError");
            assertThat(corrupted.errorDetail()).isEqualTo("Buildpack zip error: buildpack zipfile is not valid");
            ApiResponse noBits = admin.upload("POST", "/v3/buildpacks/" + guid + "/upload",
                    new Multipart().field("other", "x"));
            assertRefused(noBits, "Uploaded buildpack file is invalid: A buildpack zip file must be uploaded as "
                    + "'bits'");
            assertRefused(admin.post("/v3/buildpacks/" + guid + "/upload", obj("bits", "x")),
                    "Uploaded buildpack file is invalid: A buildpack zip file must be uploaded as 'bits'");
            ApiResponse otherStack = upload(admin, guid, "fs3.zip", Zips.of(Map.of("manifest.yml",
                    "stack: cflinuxfs3\n")));
            assertThat(otherStack.errorTitle()).isEqualTo("CF-BuildpackStacksDontMatch");
            assertThat(otherStack.errorDetail()).isEqualTo(
                    "Uploaded buildpack stack (cflinuxfs3) does not match cflinuxfs4");

            JsonNode after = admin.get("/v3/buildpacks/" + guid).body();
            assertThat(after.path("filename").asText()).isEqualTo("first.zip");
            Cf internal = tck.internal();
            if (internal != null) {
                assertThat(internal.download("/v2/buildpacks/" + guid + "/download").body())
                        .as("the stored bits are still the first upload's").isEqualTo(GOOD);
            }
        }

        @Test
        void refusesUploadsLargerThanTheLimit() {
            var limit = tck.buildpackMaxUploadBytes();
            Assumptions.assumeTrue(limit.isPresent(), "the server's upload limit is unknown");
            String guid = create().path("guid").asText();
            byte[] noise = new byte[(int) limit.getAsLong() + 4096];
            new Random(42).nextBytes(noise);
            ApiResponse r = upload(admin, guid, "huge.zip", noise);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).startsWith("Uploaded buildpack file is invalid: huge.zip is larger than");
            assertThat(admin.get("/v3/buildpacks/" + guid).body().path("state").asText()).isEqualTo("AWAITING_UPLOAD");
        }

        @Test
        void lockedBuildpacksRefuseBits() {
            String guid = create("locked", true).path("guid").asText();
            assertRefused(upload(admin, guid, "bp.zip", GOOD), "Buildpack is locked");
            assertThat(upload(admin, "nope", "bp.zip", GOOD).status()).isEqualTo(404);
        }

        private void assertRefused(ApiResponse r, String detail) {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
        }
    }

    @Test
    void deletesThroughAJob() {
        String guid = create().path("guid").asText();
        admin.awaitJob(upload(admin, guid, "bp.zip", Upload.GOOD));
        ApiResponse accepted = admin.delete("/v3/buildpacks/" + guid);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = admin.awaitJob(accepted);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("buildpack.delete");
        assertThat(admin.get("/v3/buildpacks/" + guid).status()).isEqualTo(404);
        assertThat(admin.delete("/v3/buildpacks/" + guid).status()).isEqualTo(404);
        Cf internal = tck.internal();
        if (internal != null) {
            assertThat(internal.download("/v2/buildpacks/" + guid + "/download").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void stagersKeepAnAppsBuildpackCacheUntilAnAdminClearsThem() {
        Cf internal = tck.internal();
        Assumptions.assumeTrue(internal != null, "no internal API configured");
        String app = admin.post("/v3/apps", obj("name", Tck.unique("app"), "relationships",
                obj("space", dev.capi.tck.support.Json.rel(actors.spaceGuid())))).body().path("guid").asText();
        byte[] cache = "cached gems".getBytes(StandardCharsets.UTF_8);
        String download = "/staging/v3/buildpack_cache/cflinuxfs4/" + app + "/download";
        assertThat(internal.download(download).statusCode()).isEqualTo(404);
        ApiResponse stored = internal.upload("POST", "/internal/v4/buildpack_cache/cflinuxfs4/" + app + "/upload",
                new Multipart().file("buildpack_cache", "cache.tgz", cache));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(internal.download(download).body()).isEqualTo(cache);
        assertThat(internal.upload("POST", "/internal/v4/buildpack_cache/cflinuxfs4/nope/upload",
                new Multipart().file("buildpack_cache", "cache.tgz", cache)).status()).isEqualTo(404);

        admin.awaitJob(admin.post("/v3/admin/actions/clear_buildpack_cache", null));
        assertThat(internal.download(download).statusCode()).isEqualTo(404);
    }

    @Test
    void adminsClearEveryBuildpackCache() {
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN),
                cf -> cf.post("/v3/admin/actions/clear_buildpack_cache", null));
        ApiResponse accepted = admin.post("/v3/admin/actions/clear_buildpack_cache", null);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = admin.awaitJob(accepted);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("admin.clear_buildpack_cache");
    }
}

package dev.capi.tck.packages;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import dev.capi.tck.support.Zips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/packages}, uploads with resource matching, and {@code /v3/resource_matches}. */
@Checks({
        "DELETE /v3/packages/:guid",
        "GET /staging/packages/:guid",
        "GET /v3/apps/:guid/packages",
        "GET /v3/audit_events",
        "GET /v3/packages",
        "GET /v3/packages/:guid",
        "GET /v3/packages/:guid/download",
        "PATCH /internal/v4/packages/:guid",
        "PATCH /v3/packages/:guid",
        "POST /v3/packages",
        "POST /v3/packages/:guid/upload",
        "POST /v3/resource_matches"})
class PackagesTest {
    static Tck tck;
    static Cf admin;
    static Cf dev;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    static String app() {
        return actors.newApp("pkg-app");
    }

    static JsonNode createPackage(String app) {
        ApiResponse r = dev.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    static ApiResponse upload(String guid, byte[] zip, String resources) {
        Multipart form = new Multipart();
        if (resources != null) {
            form.field("resources", resources);
        }
        if (zip != null) {
            form.file("bits", "app.zip", zip);
        }
        return dev.upload("POST", "/v3/packages/" + guid + "/upload", form);
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void uploadsBitsPoolsLargeFilesAndReusesThemThroughResourceMatches() throws Exception {
        String app = app();
        JsonNode pkg = createPackage(app);
        assertThat(pkg.path("state").asText()).isEqualTo("AWAITING_UPLOAD");
        assertThat(pkg.path("data").path("checksum").path("type").asText()).isEqualTo("sha256");
        assertThat(pkg.path("links").path("upload").path("method").asText()).isEqualTo("POST");
        String big = "x".repeat(70_000) + Tck.unique("unique");
        ApiResponse uploaded = upload(pkg.path("guid").asText(), Zips.of(Map.of("app.rb", "puts 1",
                "vendor/big.bin", big)), null);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.body().path("state").asText()).isEqualTo("READY");
        assertThat(uploaded.body().path("data").path("checksum").path("value").asText()).hasSize(64);

        String bigSha1 = sha1(big);
        ApiResponse matches = dev.post("/v3/resource_matches", obj("resources", List.of(
                obj("checksum", obj("value", bigSha1), "size_in_bytes", big.length(), "path", "vendor/big.bin",
                        "mode", "644"),
                obj("checksum", obj("value", sha1("unknown")), "size_in_bytes", 70_000, "path", "other"))));
        assertThat(matches.status()).isEqualTo(201);
        assertThat(matches.body().path("resources")).hasSize(1);
        assertThat(matches.body().path("resources").path(0).path("path").asText()).isEqualTo("vendor/big.bin");

        JsonNode second = createPackage(app);
        String resources = "[{\"fn\":\"vendor/big.bin\",\"sha1\":\"" + bigSha1 + "\",\"size\":" + big.length()
                + ",\"mode\":\"644\"}]";
        ApiResponse reused = upload(second.path("guid").asText(), Zips.of(Map.of("app.rb", "puts 2")), resources);
        assertThat(reused.body().path("state").asText()).isEqualTo("READY");
        var download = dev.download("/v3/packages/" + second.path("guid").asText() + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(unzip(download.body())).containsEntry("app.rb", "puts 2").containsEntry("vendor/big.bin", big);

        Cf internal = tck.internal();
        if (internal != null) {
            var staged = internal.download("/staging/packages/" + second.path("guid").asText());
            assertThat(staged.statusCode()).isEqualTo(200);
            assertThat(unzip(staged.body())).containsKey("vendor/big.bin");
        }
        assertThat(admin.get("/v3/audit_events?types=audit.app.package.upload&target_guids=" + app).body()
                .path("resources")).hasSize(2);
    }

    @Test
    void badBitsFailThePackageAndCannotBeUploadedTwice() {
        String app = app();
        String evil = createPackage(app).path("guid").asText();
        ApiResponse r = upload(evil, Zips.of(Map.of("../../escape.sh", "boom")), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("state").asText()).isEqualTo("FAILED");
        assertThat(r.body().path("data").path("error").asText()).contains("outside the package");
        assertThat(dev.download("/v3/packages/" + evil + "/download").statusCode()).isEqualTo(422);

        String corrupt = createPackage(app).path("guid").asText();
        assertThat(upload(corrupt, "not a zip at all".getBytes(StandardCharsets.UTF_8), null).body()
                .path("data").path("error").asText()).isEqualTo("Invalid zip archive.");

        String linked = createPackage(app).path("guid").asText();
        assertThat(upload(linked, zipWithEscapingLink(), null).body().path("data").path("error").asText())
                .isEqualTo("Invalid zip archive: config/secrets links outside the package.");

        String good = createPackage(app).path("guid").asText();
        assertThat(upload(good, Zips.of(Map.of("a", "b")), null).body().path("state").asText()).isEqualTo("READY");
        ApiResponse twice = upload(good, Zips.of(Map.of("a", "c")), null);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.errorTitle()).isEqualTo("CF-PackageBitsAlreadyUploaded");

        String unknownResource = createPackage(app).path("guid").asText();
        assertThat(upload(unknownResource, null, "[{\"fn\":\"x\",\"sha1\":\"" + "0".repeat(40) + "\",\"size\":1}]")
                .body().path("state").asText()).isEqualTo("FAILED");
        String badJson = createPackage(app).path("guid").asText();
        assertThat(upload(badJson, null, "not json").errorDetail()).isEqualTo("Resources must be valid JSON.");
    }

    @Test
    void createReadUpdateDeleteWithTheRoleMatrix() {
        String app = app();
        actors.check(Expect.byDefault(422).and(201, ADMIN, SPACE_DEVELOPER)
                        .and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR, SPACE_MANAGER, SPACE_AUDITOR, SPACE_SUPPORTER,
                                ORG_MANAGER),
                cf -> cf.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app)))));
        String guid = createPackage(app).path("guid").asText();
        actors.check(Expect.byDefault(200).and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.get("/v3/packages/" + guid));
        assertThat(admin.get("/v3/packages?app_guids=" + app + "&states=AWAITING_UPLOAD&types=bits")
                .resourceValues("guid")).contains(guid);
        assertThat(dev.get("/v3/apps/" + app + "/packages").resourceValues("guid")).contains(guid);
        assertThat(dev.patch("/v3/packages/" + guid, obj("metadata", obj("labels", obj("v", "1")))).body()
                .path("metadata").path("labels").path("v").asText()).isEqualTo("1");
        ApiResponse docker = dev.post("/v3/packages", obj("type", "docker", "relationships", obj("app", rel(app)),
                "data", obj("image", "nginx")));
        assertThat(docker.errorDetail()).isEqualTo("Cannot create Docker package for a buildpack app.");
        assertThat(dev.post("/v3/packages", obj("type", "rpm", "relationships", obj("app", rel(app))))
                .errorDetail()).contains("Type must be one of 'bits, docker'");
        assertThat(dev.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel("nope"))))
                .errorDetail()).isEqualTo("App is invalid. Ensure it exists and you have access to it.");
        ApiResponse deleted = dev.delete("/v3/packages/" + guid);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(dev.awaitJob(deleted).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(dev.get("/v3/packages/" + guid).status()).isEqualTo(404);
    }

    @Test
    void copiesAReadyPackageToAnotherApp() throws Exception {
        String source = createPackage(app()).path("guid").asText();
        upload(source, Zips.of(Map.of("copied.txt", "hello")), null);
        String target = app();
        ApiResponse copy = dev.post("/v3/packages?source_guid=" + source, obj("relationships",
                obj("app", rel(target))));
        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        assertThat(copy.body().path("state").asText()).isEqualTo("READY");
        assertThat(copy.body().path("relationships").path("app").path("data").path("guid").asText())
                .isEqualTo(target);
        assertThat(unzip(dev.download("/v3/packages/" + copy.body().path("guid").asText() + "/download").body()))
                .containsEntry("copied.txt", "hello");
        assertThat(dev.post("/v3/packages?source_guid=nope", obj("relationships", obj("app", rel(target))))
                .errorDetail()).isEqualTo("Source package is invalid. Ensure it exists and you have access to it.");
    }

    @Test
    void aBitsServiceReportsUploadsOnTheInternalApi() {
        Cf internal = tck.internal();
        org.junit.jupiter.api.Assumptions.assumeTrue(internal != null, "no internal API configured");
        String guid = createPackage(app()).path("guid").asText();
        ApiResponse reported = internal.send("PATCH", "/internal/v4/packages/" + guid,
                "{\"state\":\"FAILED\",\"error\":\"bits service: disk full\"}", "application/json");
        assertThat(reported.status()).isEqualTo(204);
        JsonNode failed = dev.get("/v3/packages/" + guid).body();
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("data").path("error").asText()).isEqualTo("bits service: disk full");
        assertThat(internal.send("PATCH", "/internal/v4/packages/" + guid, "{\"state\":\"READY\"}",
                "application/json").status()).as("FAILED is final").isEqualTo(422);
    }

    @Test
    void keepsTheNewestFiveReadyPackagesOfAnApp() {
        String app = app();
        List<String> guids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String guid = createPackage(app).path("guid").asText();
            upload(guid, Zips.of(Map.of("v", Integer.toString(i))), null);
            guids.add(guid);
        }
        assertThat(dev.get("/v3/packages/" + guids.get(0)).body().path("state").asText()).isEqualTo("EXPIRED");
        assertThat(dev.download("/v3/packages/" + guids.get(0) + "/download").statusCode()).isEqualTo(422);
        for (String kept : guids.subList(1, 6)) {
            assertThat(dev.get("/v3/packages/" + kept).body().path("state").asText()).isEqualTo("READY");
        }
    }

    @Test
    void theExperimentalUploadTakesAFileTheUploadModuleLeftAndShowsTheLegacyFields() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(tck.isEmbedded(), "needs the server's file system");
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "capi-uploads");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Path file = dir.resolve(Tck.unique("application") + ".zip");
        java.nio.file.Files.write(file, Zips.of(Map.of("legacy.txt", "nginx put me here")));
        String guid = createPackage(app()).path("guid").asText();
        String form = "bits_name=application.zip&bits_path=" + java.net.URLEncoder.encode(file.toString(),
                StandardCharsets.UTF_8);
        ApiResponse r = dev.send("POST", "/v3/packages/" + guid + "/upload", form,
                "application/x-www-form-urlencoded");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("state").asText()).isEqualTo("READY");
        assertThat(r.body().path("data").path("hash").path("type").asText()).isEqualTo("sha1");
        assertThat(r.body().path("data").path("hash").path("value").asText()).hasSize(40);
        assertThat(r.body().has("url")).isTrue();
        assertThat(r.body().path("links").path("stage").path("method").asText()).isEqualTo("POST");
        assertThat(java.nio.file.Files.exists(file)).as("the upload module's file is consumed").isFalse();
        assertThat(unzip(dev.download("/v3/packages/" + guid + "/download").body()))
                .containsEntry("legacy.txt", "nginx put me here");

        String other = createPackage(app()).path("guid").asText();
        assertThat(dev.send("POST", "/v3/packages/" + other + "/upload",
                "bits_name=passwd&bits_path=%2Fetc%2Fpasswd", "application/x-www-form-urlencoded").errorDetail())
                .isEqualTo("Bits path is invalid");
        assertThat(dev.send("POST", "/v3/packages/" + other + "/upload",
                "bits_name=x&bits_path=" + java.net.URLEncoder.encode(dir + "/../../etc/passwd",
                        StandardCharsets.UTF_8), "application/x-www-form-urlencoded").errorDetail())
                .isEqualTo("Bits path is invalid");
        assertThat(dev.get("/v3/packages/" + other).body().path("state").asText()).isEqualTo("AWAITING_UPLOAD");
    }

    /** A zip whose entry "config/secrets" is a symbolic link to ../../../etc/shadow (mode 0120777). */
    static byte[] zipWithEscapingLink() {
        byte[] bytes = Zips.of(Map.of("app.rb", "puts 1", "config/secrets", "../../../etc/shadow"));
        byte[] name = "config/secrets".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            boolean header = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            if (header && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                bytes[i + 40] = (byte) (0120777 & 0xff);
                bytes[i + 41] = (byte) (0120777 >> 8);
            }
        }
        return bytes;
    }
}

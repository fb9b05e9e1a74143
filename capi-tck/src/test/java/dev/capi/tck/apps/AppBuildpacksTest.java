package dev.capi.tck.apps;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import dev.capi.tck.support.Zips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.SPACE_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app's buildpacks lifecycle names admin buildpacks (with bits, of the app's lifecycle and stack) or buildpack URLs;
 * anything else is refused on create and update with the reference's BuildpackLifecycleDataValidator text.
 */
@Checks({
        "GET /v3/apps",
        "GET /v3/apps/:guid",
        "GET /v3/stacks",
        "PATCH /v3/apps/:guid",
        "POST /v3/apps",
        "POST /v3/buildpacks",
        "POST /v3/buildpacks/:guid/upload"})
class AppBuildpacksTest {
    static Tck tck;
    static Cf admin;
    static Cf dev;
    static Actors actors;
    static String defaultStack;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
        JsonNode stacks = admin.get("/v3/stacks?default=true").body().path("resources");
        defaultStack = stacks.size() == 0 ? null : stacks.get(0).path("name").asText();
    }

    static String unknown(String name) {
        return "Buildpack \"" + name + "\"" + (defaultStack == null ? "" : " for stack \"" + defaultStack + "\"")
                + " must be an existing admin buildpack or a valid git URI";
    }

    static ApiResponse create(String name, Object lifecycleData) {
        return dev.post("/v3/apps", obj("name", name, "lifecycle", obj("type", "buildpack", "data", lifecycleData),
                "relationships", obj("space", rel(actors.spaceGuid()))));
    }

    static String uploadedBuildpack() {
        String name = Tck.unique("app_bp");
        String guid = admin.post("/v3/buildpacks", obj("name", name)).body().path("guid").asText();
        ApiResponse uploaded = admin.upload("POST", "/v3/buildpacks/" + guid + "/upload",
                new Multipart().file("bits", "bp.zip", Zips.of(Map.of("bin/detect", "#!/bin/sh\necho bp"))));
        assertThat(admin.awaitJob(uploaded).path("state").asText()).isEqualTo("COMPLETE");
        return name;
    }

    static int appsNamed(String name) {
        return admin.get("/v3/apps?names=" + name + "&space_guids=" + actors.spaceGuid()).body()
                .path("resources").size();
    }

    @Test
    void createRefusesUnknownBuildpackNamesAndCreatesNothing() {
        String name = Tck.unique("bp-app");
        ApiResponse r = create(name, obj("buildpacks", List.of("no-such-buildpack")));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(r.errorCode()).isEqualTo(10008);
        assertThat(r.errorDetail()).isEqualTo(unknown("no-such-buildpack"));
        assertThat(appsNamed(name)).isZero();

        ApiResponse both = create(name, obj("buildpacks", List.of("no-such-buildpack"), "stack", "no-such-stack"));
        assertThat(both.errorDetail()).isEqualTo("Buildpack \"no-such-buildpack\" must be an existing admin buildpack"
                + " or a valid git URI, Stack must be an existing stack");

        String withoutBits = Tck.unique("empty_bp");
        assertThat(admin.post("/v3/buildpacks", obj("name", withoutBits)).status()).isEqualTo(201);
        assertThat(create(name, obj("buildpacks", List.of(withoutBits))).errorDetail())
                .as("a buildpack without bits is not usable").isEqualTo(unknown(withoutBits));
        assertThat(appsNamed(name)).isZero();
    }

    @Test
    void createAcceptsAdminBuildpacksAndUrls() {
        String bp = uploadedBuildpack();
        List<String> buildpacks = List.of(bp, "https://github.com/cloudfoundry/ruby-buildpack",
                "git://github.com:cloudfoundry/go-buildpack.git");
        ApiResponse r = create(Tck.unique("bp-app"), obj("buildpacks", buildpacks));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.body().path("lifecycle").path("data").path("buildpacks").toString())
                .isEqualTo(obj("b", buildpacks).path("b").toString());
    }

    @Test
    void updateRefusesUnknownBuildpackNamesAndChangesNothing() {
        String bp = uploadedBuildpack();
        String guid = create(Tck.unique("bp-app"), obj("buildpacks", List.of(bp))).body().path("guid").asText();
        ApiResponse r = dev.patch("/v3/apps/" + guid, obj("name", Tck.unique("renamed"), "lifecycle",
                obj("type", "buildpack", "data", obj("buildpacks", List.of(bp, "x")))));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(r.errorDetail()).isEqualTo(unknown("x"));
        JsonNode app = dev.get("/v3/apps/" + guid).body();
        assertThat(app.path("name").asText()).contains("-bp-app-");
        assertThat(app.path("lifecycle").path("data").path("buildpacks").toString()).isEqualTo("[\"" + bp + "\"]");

        ApiResponse ok = dev.patch("/v3/apps/" + guid, obj("lifecycle", obj("type", "buildpack", "data",
                obj("buildpacks", List.of("https://example.com/bp.zip", bp)))));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.body().path("lifecycle").path("data").path("buildpacks").get(0).asText())
                .isEqualTo("https://example.com/bp.zip");
    }
}

package dev.capi.tck.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Expect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH on a deployment, a revision and a droplet updates only their metadata: space developers and admins may,
 * other space readers get 403, those who cannot see the space 404; bad bodies are 422/400 and change nothing.
 */
@Checks({
        "PATCH /v3/deployments/:guid",
        "PATCH /v3/revisions/:guid",
        "PATCH /v3/droplets/:guid",
        "GET /v3/deployments/:guid",
        "GET /v3/revisions/:guid",
        "GET /v3/droplets/:guid",
        "GET /v3/apps/:guid/revisions"})
class LifecycleMetadataUpdatesTest {
    static String deployment;
    static String revision;
    static String droplet;

    @BeforeAll
    static void setUp() {
        DeploymentsTest.setUp();
        String app = DeploymentsTest.runningApp(1);
        droplet = DeploymentsTest.droplet(app);
        ApiResponse created = DeploymentsTest.dev.post("/v3/deployments", obj("droplet", obj("guid", droplet),
                "relationships", obj("app", rel(app))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        deployment = created.body().path("guid").asText();
        JsonNode revisions = DeploymentsTest.dev.get("/v3/apps/" + app + "/revisions").body().path("resources");
        assertThat(revisions).as("a deployment writes a revision").isNotEmpty();
        revision = revisions.get(0).path("guid").asText();
    }

    static String path(String kind) {
        return switch (kind) {
            case "deployments" -> "/v3/deployments/" + deployment;
            case "revisions" -> "/v3/revisions/" + revision;
            default -> "/v3/droplets/" + droplet;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"deployments", "revisions", "droplets"})
    void spaceDevelopersAndAdminsUpdateMetadata(String kind) {
        DeploymentsTest.actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.patch(path(kind), obj("metadata", obj("labels", obj("tier", "gold")))));
        ApiResponse r = DeploymentsTest.dev.patch(path(kind), obj("metadata", obj("labels", obj("tier", "silver"),
                "annotations", obj("note", "kept"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("metadata").path("labels").path("tier").asText()).isEqualTo("silver");
        JsonNode read = DeploymentsTest.dev.get(path(kind)).body();
        assertThat(read.path("metadata").path("annotations").path("note").asText()).isEqualTo("kept");
        assertThat(read.path("guid").asText()).isEqualTo(r.body().path("guid").asText());
        ApiResponse removed = DeploymentsTest.dev.patch(path(kind), obj("metadata", obj("labels",
                obj("tier", null))));
        assertThat(removed.body().path("metadata").path("labels").has("tier")).as("null removes a label").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deployments", "revisions", "droplets"})
    void badBodiesAreRefusedAndChangeNothing(String kind) {
        DeploymentsTest.dev.patch(path(kind), obj("metadata", obj("labels", obj("stable", "yes"))));
        String before = DeploymentsTest.dev.get(path(kind)).body().path("metadata").toString();
        ApiResponse unknown = DeploymentsTest.dev.patch(path(kind), obj("bogus", 1));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(unknown.errorDetail()).isEqualTo("Unknown field(s): 'bogus'");
        ApiResponse badLabel = DeploymentsTest.dev.patch(path(kind), obj("metadata", obj("labels",
                obj("stable", "no", "-bad key", "v"))));
        assertThat(badLabel.status()).as(badLabel.toString()).isEqualTo(422);
        assertThat(badLabel.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        ApiResponse notJson = DeploymentsTest.dev.send("PATCH", path(kind), "{bad", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorTitle()).isEqualTo("CF-MessageParseError");
        assertThat(DeploymentsTest.dev.get(path(kind)).body().path("metadata").toString()).isEqualTo(before);
        ApiResponse unknownGuid = DeploymentsTest.dev.patch(path(kind).replaceAll("/[^/]+$", "/nope"),
                obj("metadata", obj("labels", obj("k", "v"))));
        assertThat(unknownGuid.status()).isEqualTo(404);
        assertThat(unknownGuid.errorTitle()).isEqualTo("CF-ResourceNotFound");
    }
}

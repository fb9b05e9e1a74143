package dev.capi.tck.serviceinstances;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/service_instances} for user-provided instances: synchronous, no broker involved. */
@Checks({"DELETE /v3/service_instances/:guid", "GET /v3/audit_events", "GET /v3/feature_flags/:name", "GET /v3/service_instances", "GET /v3/service_instances/:guid", "GET /v3/service_instances/:guid/credentials", "GET /v3/service_instances/:guid/relationships/shared_spaces", "GET /v3/service_instances/:service_instance_guid/backups", "GET /v3/service_usage_events", "PATCH /v3/feature_flags/:name", "PATCH /v3/service_instances/:guid"})
class UserProvidedServiceInstancesTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static JsonNode create(Cf cf, String name) {
        ApiResponse r = cf.post("/v3/service_instances", body(name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    private static Object body(String name) {
        return obj("type", "user-provided", "name", name, "relationships", obj("space", rel(actors.spaceGuid())),
                "credentials", obj("password", "s3cret", "port", 5432), "syslog_drain_url", "syslog://logs.example.com",
                "route_service_url", "https://route.example.com", "tags", List.of("db", "pg"),
                "metadata", obj("labels", obj("tier", "gold")));
    }

    /** The states of the service usage events of one instance, oldest first. */
    static List<String> usageStates(Cf reader, String instanceGuid) {
        List<String> states = new java.util.ArrayList<>();
        reader.get("/v3/service_usage_events?per_page=5000").body().path("resources").forEach(e -> {
            if (instanceGuid.equals(e.path("service_instance").path("guid").asText())) {
                states.add(e.path("state").asText());
            }
        });
        return states;
    }

    @Test
    void aListOfOnlyUserProvidedInstancesAnswers() {
        String space = tck.createSpace(actors.orgGuid()).path("guid").asText();
        ApiResponse created = admin.post("/v3/service_instances", obj("type", "user-provided", "name",
                Tck.unique("upsi"), "relationships", obj("space", rel(space))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiResponse list = admin.get("/v3/service_instances?space_guids=" + space);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.resourceValues("guid")).containsExactly(created.body().path("guid").asText());
    }

    @Test
    void createsReadsUpdatesAndDeletesSynchronously() {
        String name = Tck.unique("upsi");
        JsonNode si = create(actors.as(SPACE_DEVELOPER), name);
        String guid = si.path("guid").asText();
        assertThat(si.path("type").asText()).isEqualTo("user-provided");
        assertThat(si.path("name").asText()).isEqualTo(name);
        assertThat(si.path("tags").toString()).isEqualTo("[\"db\",\"pg\"]");
        assertThat(si.path("syslog_drain_url").asText()).isEqualTo("syslog://logs.example.com");
        assertThat(si.path("route_service_url").asText()).isEqualTo("https://route.example.com");
        assertThat(si.path("last_operation").path("type").asText()).isEqualTo("create");
        assertThat(si.path("last_operation").path("state").asText()).isEqualTo("succeeded");
        assertThat(si.path("relationships").path("space").path("data").path("guid").asText())
                .isEqualTo(actors.spaceGuid());
        assertThat(si.path("metadata").path("labels").path("tier").asText()).isEqualTo("gold");
        assertThat(si.path("links").path("credentials").path("href").asText()).endsWith(guid + "/credentials");
        assertThat(si.has("credentials")).isFalse();

        ApiResponse creds = actors.as(SPACE_DEVELOPER).get("/v3/service_instances/" + guid + "/credentials");
        assertThat(creds.status()).isEqualTo(200);
        assertThat(creds.body().path("password").asText()).isEqualTo("s3cret");
        assertThat(creds.body().path("port").asInt()).isEqualTo(5432);

        assertThat(admin.get("/v3/service_instances?names=" + name).resourceValues("guid")).containsExactly(guid);
        assertThat(admin.get("/v3/service_instances?type=user-provided&space_guids=" + actors.spaceGuid())
                .resourceValues("guid")).contains(guid);
        assertThat(admin.get("/v3/service_instances?type=managed&names=" + name).resourceValues("guid")).isEmpty();
        assertThat(admin.get("/v3/service_instances?label_selector=tier=gold&names=" + name).resourceValues("guid"))
                .containsExactly(guid);

        ApiResponse updated = actors.as(SPACE_DEVELOPER).patch("/v3/service_instances/" + guid,
                obj("name", name + "-2", "credentials", obj("password", "new"), "syslog_drain_url", null));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().path("name").asText()).isEqualTo(name + "-2");
        assertThat(updated.body().path("syslog_drain_url").isNull()).isTrue();
        assertThat(updated.body().path("route_service_url").asText()).isEqualTo("https://route.example.com");
        assertThat(updated.body().path("last_operation").path("type").asText()).isEqualTo("update");
        assertThat(admin.get("/v3/service_instances/" + guid + "/credentials").body().path("password").asText())
                .isEqualTo("new");

        ApiResponse deleted = actors.as(SPACE_DEVELOPER).delete("/v3/service_instances/" + guid);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(admin.get("/v3/service_instances/" + guid).status()).isEqualTo(404);

        List<String> types = admin.get("/v3/audit_events?target_guids=" + guid).resourceValues("type");
        assertThat(types).contains("audit.user_provided_service_instance.create",
                "audit.user_provided_service_instance.show", "audit.user_provided_service_instance.update",
                "audit.user_provided_service_instance.delete");
        JsonNode createEvent = admin.get("/v3/audit_events?types=audit.user_provided_service_instance.create"
                + "&target_guids=" + guid).body().path("resources").get(0);
        assertThat(createEvent.path("data").path("request").path("credentials").asText()).isEqualTo("[REDACTED]");
        assertThat(usageStates(admin, guid)).containsExactly("CREATED", "UPDATED", "DELETED");
    }

    @Test
    void spaceDevelopersCreateAndSpaceReadersSee() {
        actors.check(Expect.byDefault(403).and(201, ADMIN, SPACE_DEVELOPER)
                        .and(422, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.post("/v3/service_instances", body(Tck.unique("upsi"))));
        String guid = create(admin, Tck.unique("upsi")).path("guid").asText();
        actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.get("/v3/service_instances/" + guid));
        actors.check(Expect.byDefault(403).and(200, ADMIN, ADMIN_READ_ONLY, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.get("/v3/service_instances/" + guid + "/credentials"));
        actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.patch("/v3/service_instances/" + guid, obj("tags", List.of("x"))));
        actors.check(Expect.byDefault(200), cf -> cf.get("/v3/service_instances/" + guid + "/permissions"));
        JsonNode devPermissions = actors.as(SPACE_DEVELOPER)
                .get("/v3/service_instances/" + guid + "/permissions").body();
        assertThat(devPermissions.path("manage").asBoolean()).isTrue();
        assertThat(devPermissions.path("read").asBoolean()).isTrue();
        JsonNode outsider = actors.as(NO_ROLE).get("/v3/service_instances/" + guid + "/permissions").body();
        assertThat(outsider.path("manage").asBoolean()).isFalse();
        assertThat(outsider.path("read").asBoolean()).isFalse();
        assertThat(actors.as(NO_ROLE).get("/v3/service_instances?space_guids=" + actors.spaceGuid())
                .resourceValues("guid")).doesNotContain(guid);
        assertThat(actors.as(SPACE_AUDITOR).get("/v3/service_instances?space_guids=" + actors.spaceGuid())
                .resourceValues("guid")).contains(guid);
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.delete("/v3/service_instances/" + guid));
        assertThat(actors.as(SPACE_DEVELOPER).delete("/v3/service_instances/" + guid).status()).isEqualTo(204);
    }

    @Test
    void refusesBadInputAndChangesNothing() {
        long before = admin.get("/v3/service_instances").body().path("pagination").path("total_results").asLong();
        ApiResponse badType = admin.post("/v3/service_instances", obj("type", "other", "name", "x",
                "relationships", obj("space", rel(actors.spaceGuid()))));
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.errorDetail()).contains("Type must be one of 'managed', 'user-provided'");
        ApiResponse badFields = admin.post("/v3/service_instances", obj("type", "user-provided", "name", "x",
                "relationships", obj("space", rel(actors.spaceGuid())), "credentials", "nope",
                "route_service_url", "http://insecure.example.com", "tags", List.of(1)));
        assertThat(badFields.status()).isEqualTo(422);
        assertThat(badFields.errorDetail()).contains("Credentials must be an object")
                .contains("Route service url must be https").contains("Tags must be a list of strings");
        ApiResponse unknownKey = admin.post("/v3/service_instances", obj("type", "user-provided", "name", "x",
                "relationships", obj("space", rel(actors.spaceGuid())), "parameters", obj()));
        assertThat(unknownKey.status()).isEqualTo(422);
        assertThat(unknownKey.errorDetail()).contains("Unknown field(s): 'parameters'");
        ApiResponse noSpace = admin.post("/v3/service_instances", obj("type", "user-provided", "name", "x",
                "relationships", obj("space", rel("no-such-space"))));
        assertThat(noSpace.status()).isEqualTo(422);
        assertThat(noSpace.errorDetail())
                .isEqualTo("Invalid space. Ensure that the space exists and you have access to it.");
        assertThat(admin.post("/v3/service_instances", "{not json").status()).isEqualTo(400);
        String name = Tck.unique("upsi");
        create(admin, name);
        ApiResponse taken = admin.post("/v3/service_instances", body(name));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.errorDetail()).isEqualTo("The service instance name is taken: " + name + ".");
        assertThat(admin.get("/v3/service_instances?type=bogus").status()).isEqualTo(400);
        assertThat(admin.get("/v3/service_instances?bogus=1").status()).isEqualTo(400);
        assertThat(admin.get("/v3/service_instances/no-such").status()).isEqualTo(404);
        assertThat(admin.get("/v3/service_instances").body().path("pagination").path("total_results").asLong())
                .isEqualTo(before + 1);
    }

    @Test
    void userProvidedInstancesHaveNoParametersCannotBeSharedAndArePurged() {
        String guid = create(admin, Tck.unique("upsi")).path("guid").asText();
        ApiResponse parameters = admin.get("/v3/service_instances/" + guid + "/parameters");
        assertThat(parameters.status()).isEqualTo(400);
        assertThat(parameters.errorTitle()).isEqualTo("CF-ServiceFetchInstanceParametersNotSupported");
        String other = tck.createSpace(actors.orgGuid()).path("guid").asText();
        String sharePath = "/v3/service_instances/" + guid + "/relationships/shared_spaces";
        boolean sharing = admin.get("/v3/feature_flags/service_instance_sharing").body().path("enabled").asBoolean();
        try {
            admin.patch("/v3/feature_flags/service_instance_sharing", obj("enabled", false));
            ApiResponse disabled = admin.post(sharePath, obj("data", List.of(obj("guid", other))));
            assertThat(disabled.status()).isEqualTo(403);
            assertThat(disabled.errorTitle()).isEqualTo("CF-FeatureDisabled");
            admin.patch("/v3/feature_flags/service_instance_sharing", obj("enabled", true));
            ApiResponse share = admin.post(sharePath, obj("data", List.of(obj("guid", other))));
            assertThat(share.status()).isEqualTo(422);
            assertThat(share.errorDetail()).isEqualTo("User-provided services cannot be shared.");
        } finally {
            admin.patch("/v3/feature_flags/service_instance_sharing", obj("enabled", sharing));
        }
        assertThat(admin.get("/v3/service_instances/" + guid + "/backups").status()).isEqualTo(422);
        assertThat(admin.get("/v3/service_instances/" + guid + "/relationships/shared_spaces").body()
                .path("data").size()).isZero();
        assertThat(admin.delete("/v3/service_instances/" + guid + "?purge=true").status()).isEqualTo(204);
        assertThat(admin.get("/v3/service_instances/" + guid).status()).isEqualTo(404);
        assertThat(admin.get("/v3/audit_events?target_guids=" + guid).resourceValues("type"))
                .contains("audit.user_provided_service_instance.purge");
    }
}

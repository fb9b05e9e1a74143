package dev.capi.tck.serviceinstances;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What goes with a managed instance, an app, a space or an organization, against the fixture broker: their bindings
 * are unbound and their instances deprovisioned through the broker (as the reference does), and what the broker has
 * not removed yet keeps its owner, with the reference's job errors.
 */
@Checks({"DELETE /v3/service_instances/:guid", "DELETE /v3/apps/:guid", "DELETE /v3/spaces/:guid",
        "DELETE /v3/organizations/:guid", "GET /v3/jobs/:guid",
        "GET /v3/service_credential_bindings/:guid", "GET /v3/service_instances/:guid", "GET /v3/audit_events"})
class ServiceDeletionsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static FixtureBroker broker;
    static SeededCatalog catalog;

    @BeforeAll
    static void setUp() throws Exception {
        tck = Tck.get();
        assumeTrue(tck.isEmbedded(), "seeding the catalog needs the embedded server");
        admin = tck.admin();
        actors = tck.actors();
        broker = FixtureBroker.shared();
        catalog = SeededCatalog.seed(tck, broker);
    }

    /** A managed instance (created synchronously) in the space; the broker's later deprovision follows deleteMode. */
    static String instance(String space, String name, String deleteMode) {
        ApiResponse accepted = admin.post("/v3/service_instances", obj("type", "managed", "name", name,
                "relationships", obj("space", rel(space), "service_plan", rel(catalog.small())),
                "parameters", obj("fixture", obj("mode", "sync", "delete_mode", deleteMode))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(admin.awaitJob(accepted).path("state").asText()).isEqualTo("COMPLETE");
        return admin.get("/v3/service_instances?names=" + name + "&space_guids=" + space).body().path("resources")
                .get(0).path("guid").asText();
    }

    /** An app binding (or a key, when app is null) bound synchronously; its unbind follows deleteMode. */
    static String binding(String instance, String app, String deleteMode) {
        Map<String, Object> fixture = Map.of("fixture", Map.of("mode", "sync", "delete_mode", deleteMode, "polls", 2));
        Object body = app == null
                ? obj("type", "key", "name", Tck.unique("key"), "relationships", obj("service_instance",
                rel(instance)), "parameters", fixture)
                : obj("type", "app", "relationships", obj("service_instance", rel(instance), "app", rel(app)),
                "parameters", fixture);
        ApiResponse accepted = admin.post("/v3/service_credential_bindings", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode job = admin.awaitJob(accepted);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        return admin.get("/v3/service_credential_bindings"
                        + "?service_instance_guids=" + instance + (app == null ? "&type=key" : "&app_guids=" + app))
                .body().path("resources").get(0).path("guid").asText();
    }

    static String app(String space, String name) {
        ApiResponse r = admin.post("/v3/apps", obj("name", name, "relationships", obj("space", rel(space))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> auditTypes(String target) {
        return admin.get("/v3/audit_events?target_guids=" + target).resourceValues("type");
    }

    private static int indexOf(List<String> requests, String prefix) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void deletingAnInstanceUnbindsItsBindingsAndKeysThroughTheBrokerFirst() {
        String name = Tck.unique("db");
        String si = instance(actors.spaceGuid(), name, "sync");
        String appBinding = binding(si, actors.newApp("bound"), "sync");
        String key = binding(si, null, "sync");

        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.delete("/v3/service_instances/" + si));
        assertThat(admin.get("/v3/service_credential_bindings/" + appBinding).status()).as("nothing changed")
                .isEqualTo(200);

        ApiResponse deleted = actors.as(SPACE_DEVELOPER).delete("/v3/service_instances/" + si);
        assertThat(deleted.status()).isEqualTo(202);
        JsonNode job = admin.awaitJob(deleted);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        assertThat(admin.get("/v3/service_instances/" + si).status()).isEqualTo(404);
        assertThat(admin.get("/v3/service_credential_bindings/" + appBinding).status()).isEqualTo(404);
        assertThat(admin.get("/v3/service_credential_bindings/" + key).status()).isEqualTo(404);
        List<String> requests = broker.requests();
        int unbind = indexOf(requests, "DELETE /v2/service_instances/" + si + "/service_bindings/" + appBinding);
        int unbindKey = indexOf(requests, "DELETE /v2/service_instances/" + si + "/service_bindings/" + key);
        int deprovision = indexOf(requests, "DELETE /v2/service_instances/" + si + "?");
        assertThat(unbind).isNotNegative();
        assertThat(unbindKey).isNotNegative();
        assertThat(deprovision).as("deprovisioned after the unbinds").isGreaterThan(Math.max(unbind, unbindKey));
        assertThat(auditTypes(appBinding)).contains("audit.service_binding.delete");
        assertThat(auditTypes(key)).contains("audit.service_key.delete");
        assertThat(auditTypes(si)).contains("audit.service_instance.delete");
        assertThat(UserProvidedServiceInstancesTest.usageStates(admin, si)).containsExactly("CREATED", "DELETED");
    }

    @Test
    void anAsynchronousUnbindFailsTheInstanceDeleteUntilTheBindingIsGone() {
        String name = Tck.unique("db");
        String si = instance(actors.spaceGuid(), name, "sync");
        String appName = Tck.unique("slow");
        String app = app(actors.spaceGuid(), appName);
        String bound = binding(si, app, "async");

        JsonNode failed = admin.awaitJob(actors.as(SPACE_DEVELOPER).delete("/v3/service_instances/" + si));
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        String message = "An operation for the service binding between app " + appName + " and service instance "
                + name + " is in progress.";
        JsonNode error = failed.path("errors").get(0);
        assertThat(error.path("title").asText()).isEqualTo("CF-UnableToPerform");
        assertThat(error.path("code").asInt()).isEqualTo(10009);
        assertThat(error.path("detail").asText()).isEqualTo("delete could not be completed: " + message);
        JsonNode kept = admin.get("/v3/service_instances/" + si).body();
        assertThat(kept.path("last_operation").path("type").asText()).isEqualTo("delete");
        assertThat(kept.path("last_operation").path("state").asText()).isEqualTo("failed");
        assertThat(kept.path("last_operation").path("description").asText()).isEqualTo(message);
        assertThat(auditTypes(bound)).contains("audit.service_binding.start_delete");
        assertThat(broker.requests()).noneMatch(r -> r.startsWith("DELETE /v2/service_instances/" + si + "?"));

        eventually("the asynchronous unbind finishes",
                () -> admin.get("/v3/service_credential_bindings/" + bound).status() == 404);
        JsonNode retried = admin.awaitJob(actors.as(SPACE_DEVELOPER).delete("/v3/service_instances/" + si));
        assertThat(retried.path("state").asText()).as("the delete may be retried").isEqualTo("COMPLETE");
        assertThat(admin.get("/v3/service_instances/" + si).status()).isEqualTo(404);
    }

    @Test
    void deletingAnAppUnbindsItsManagedBindingsThroughTheBroker() {
        String name = Tck.unique("db");
        String si = instance(actors.spaceGuid(), name, "sync");
        String quick = app(actors.spaceGuid(), Tck.unique("quick"));
        String quickBinding = binding(si, quick, "sync");
        ApiResponse deleted = actors.as(SPACE_DEVELOPER).delete("/v3/apps/" + quick);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(admin.awaitJob(deleted).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(admin.get("/v3/apps/" + quick).status()).isEqualTo(404);
        assertThat(broker.requests()).anyMatch(r -> r.startsWith("DELETE /v2/service_instances/" + si
                + "/service_bindings/" + quickBinding));
        assertThat(auditTypes(quickBinding)).contains("audit.service_binding.delete");

        String slowName = Tck.unique("slow");
        String slow = app(actors.spaceGuid(), slowName);
        String slowBinding = binding(si, slow, "async");
        JsonNode failed = admin.awaitJob(actors.as(SPACE_DEVELOPER).delete("/v3/apps/" + slow));
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        JsonNode error = failed.path("errors").get(0);
        assertThat(error.path("title").asText()).isEqualTo("CF-UnprocessableEntity");
        assertThat(error.path("code").asInt()).isEqualTo(10008);
        assertThat(error.path("detail").asText()).isEqualTo("An operation for the service binding between app "
                + slowName + " and service instance " + name + " is in progress.");
        assertThat(admin.get("/v3/apps/" + slow).status()).as("the app stays").isEqualTo(200);

        eventually("the asynchronous unbind finishes",
                () -> admin.get("/v3/service_credential_bindings/" + slowBinding).status() == 404);
        assertThat(admin.awaitJob(admin.delete("/v3/apps/" + slow)).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(admin.delete("/v3/service_instances/" + si + "?purge=true").status()).isEqualTo(204);
    }

    @Test
    void deletingASpaceOrOrganizationDeprovisionsItsInstancesAndReportsThoseTheBrokerRefuses() {
        JsonNode org = tck.createOrg();
        String orgGuid = org.path("guid").asText();
        JsonNode space = tck.createSpace(orgGuid);
        String spaceGuid = space.path("guid").asText();
        String spaceName = space.path("name").asText();
        String fine = instance(spaceGuid, Tck.unique("fine"), "sync");
        String refusedName = Tck.unique("refused");
        String refused = instance(spaceGuid, refusedName, "fail_500");

        actors.check(Expect.byDefault(404).and(Expect.SKIP, ADMIN).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.delete("/v3/spaces/" + spaceGuid));
        assertThat(admin.get("/v3/service_instances/" + fine).status()).as("nothing changed").isEqualTo(200);

        JsonNode failed = admin.awaitJob(admin.delete("/v3/spaces/" + spaceGuid));
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        JsonNode error = failed.path("errors").get(0);
        assertThat(error.path("title").asText()).isEqualTo("CF-SpaceDeletionFailed");
        assertThat(error.path("code").asInt()).isEqualTo(290008);
        String spacePrefix = "Deletion of space " + spaceName + " failed because one or more resources within could "
                + "not be deleted.\n\n\tService instance " + refusedName + ": ";
        assertThat(error.path("detail").asText()).startsWith(spacePrefix);
        assertThat(admin.get("/v3/spaces/" + spaceGuid).status()).as("the space stays").isEqualTo(200);
        assertThat(admin.get("/v3/service_instances/" + fine).status()).as("deprovisioned").isEqualTo(404);
        assertThat(broker.requests()).anyMatch(r -> r.startsWith("DELETE /v2/service_instances/" + fine));
        JsonNode kept = admin.get("/v3/service_instances/" + refused).body();
        assertThat(kept.path("last_operation").path("state").asText()).isEqualTo("failed");

        JsonNode orgFailed = admin.awaitJob(admin.delete("/v3/organizations/" + orgGuid));
        assertThat(orgFailed.path("state").asText()).isEqualTo("FAILED");
        JsonNode orgError = orgFailed.path("errors").get(0);
        assertThat(orgError.path("title").asText()).isEqualTo("CF-OrganizationDeletionFailed");
        assertThat(orgError.path("code").asInt()).isEqualTo(290010);
        assertThat(orgError.path("detail").asText()).startsWith("Deletion of organization "
                + org.path("name").asText() + " failed because one or more resources within could not be deleted."
                + "\n\n" + spacePrefix);
        assertThat(admin.get("/v3/organizations/" + orgGuid).status()).isEqualTo(200);

        assertThat(admin.delete("/v3/service_instances/" + refused + "?purge=true").status()).isEqualTo(204);
        assertThat(admin.awaitJob(admin.delete("/v3/organizations/" + orgGuid)).path("state").asText())
                .isEqualTo("COMPLETE");
        assertThat(admin.get("/v3/spaces/" + spaceGuid).status()).isEqualTo(404);
    }
}

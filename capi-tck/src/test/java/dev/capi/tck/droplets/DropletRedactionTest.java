package dev.capi.tck.droplets;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Role;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A droplet read by a user without secret access: the whole process types hash becomes
 * {@code {"redacted_message": "[PRIVATE DATA HIDDEN]"}} and execution metadata the bare marker (the reference's
 * {@code redact_hash} / {@code redact}); secret readers see both unredacted.
 */
@Checks({"GET /v3/droplets/:guid"})
class DropletRedactionTest {
    static final String HIDDEN = "[PRIVATE DATA HIDDEN]";
    static Tck tck;
    static Actors actors;
    static Cf dev;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    static String droplet() {
        String app = actors.newApp("redact");
        ApiResponse created = dev.post("/v3/droplets", obj("relationships", obj("app", rel(app)),
                "process_types", obj("web", "bundle exec rackup", "worker", "rake jobs:work")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("guid").asText();
    }

    @Test
    void readersWithoutSecretAccessSeeTheWholeProcessTypesHashReplaced() {
        String guid = droplet();
        for (Role role : actors.obtainable(SPACE_AUDITOR, SPACE_MANAGER, SPACE_SUPPORTER, ORG_MANAGER, GLOBAL_AUDITOR)) {
            Cf cf = actors.as(role);
            if (cf == null) {
                continue;
            }
            ApiResponse r = cf.get("/v3/droplets/" + guid);
            assertThat(r.status()).as(role + " " + r).isEqualTo(200);
            JsonNode types = r.body().path("process_types");
            assertThat(types.size()).as(role + " " + types).isEqualTo(1);
            assertThat(types.path("redacted_message").asText()).as(role.name()).isEqualTo(HIDDEN);
            assertThat(r.body().path("execution_metadata").isTextual()).as(role.name()).isTrue();
            assertThat(r.body().path("execution_metadata").asText()).as(role.name()).isEqualTo(HIDDEN);
        }
    }

    @Test
    void secretReadersSeeProcessTypesAndExecutionMetadata() {
        String guid = droplet();
        for (Role role : actors.obtainable(SPACE_DEVELOPER, ADMIN, ADMIN_READ_ONLY)) {
            Cf cf = actors.as(role);
            if (cf == null) {
                continue;
            }
            JsonNode d = cf.get("/v3/droplets/" + guid).body();
            assertThat(d.path("process_types").has("redacted_message")).as(role.name()).isFalse();
            assertThat(d.path("process_types").path("web").asText()).as(role.name()).isEqualTo("bundle exec rackup");
            assertThat(d.path("process_types").path("worker").asText()).as(role.name()).isEqualTo("rake jobs:work");
            assertThat(d.path("execution_metadata").asText()).as(role.name()).isNotEqualTo(HIDDEN);
        }
    }
}

package dev.capi.rest.internal.apps;

import dev.capi.model.RoleType;
import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.capi.rest.internal.support.Json.assertError;
import static dev.capi.rest.internal.support.Json.body;
import static org.assertj.core.api.Assertions.assertThat;

class SshAccessResourceTest {
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);

    @AfterEach
    void stop() {
        api.close();
    }

    private String developer() {
        api.domain.roles.space("dev", RoleType.SPACE_DEVELOPER, seeds.org.guid(), seeds.space.guid());
        return "bearer " + api.token("dev", "cloud_controller.read", "cloud_controller.write");
    }

    @Test
    void aSpaceDeveloperMaySshIntoARunningInstanceOfTheWebProcess() {
        var response = api.get("/internal/apps/" + seeds.app.guid() + "/ssh_access/1", "Authorization", developer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("process_guid").asText()).isEqualTo(seeds.web.guid() + "-v1");
    }

    @Test
    void anIndexBeyondTheInstancesOrNotANumberIs404() {
        String token = developer();
        assertError(api.get("/internal/apps/" + seeds.app.guid() + "/ssh_access/2", "Authorization", token), 404,
                "CF-ResourceNotFound", 10010, "App not found");
        assertError(api.get("/internal/apps/" + seeds.app.guid() + "/ssh_access/first", "Authorization", token),
                404, "CF-ResourceNotFound", 10010, "App not found");
    }

    @Test
    void aUserWhoOnlyReadsTheSpaceIs404() {
        api.domain.roles.space("auditor", RoleType.SPACE_AUDITOR, seeds.org.guid(), seeds.space.guid());
        assertError(api.get("/internal/apps/" + seeds.app.guid() + "/ssh_access/0", "Authorization",
                "bearer " + api.token("auditor", "cloud_controller.read")), 404, "CF-ResourceNotFound", 10010,
                "App not found");
    }

    @Test
    void sshDisabledForTheAppIs404() {
        api.domain.apps.update(new dev.capi.model.App(seeds.app.guid(), seeds.app.createdAt(), seeds.app.updatedAt(),
                seeds.app.name(), seeds.app.spaceGuid(), seeds.app.organizationGuid(), seeds.app.state(),
                seeds.app.lifecycle(), seeds.app.environmentVariables(), null,
                dev.capi.model.App.Features.defaults(false), seeds.app.metadata()));
        assertError(api.get("/internal/apps/" + seeds.app.guid() + "/ssh_access/0", "Authorization", developer()),
                404, "CF-ResourceNotFound", 10010, "App not found");
    }

    @Test
    void withoutABearerTokenIs401() {
        assertError(api.get("/internal/apps/" + seeds.app.guid() + "/ssh_access/0"), 401, "CF-NotAuthenticated",
                10002, null);
    }
}

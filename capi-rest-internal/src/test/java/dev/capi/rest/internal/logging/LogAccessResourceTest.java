package dev.capi.rest.internal.logging;

import dev.capi.model.RoleType;
import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class LogAccessResourceTest {
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);

    @AfterEach
    void stop() {
        api.close();
    }

    private String path() {
        return "/internal/v4/log_access/" + seeds.app.guid();
    }

    @Test
    void aUserWhoSeesTheAppMayReadItsLogs() {
        api.domain.roles.space("auditor", RoleType.SPACE_AUDITOR, seeds.org.guid(), seeds.space.guid());
        var response = api.get(path(), "Authorization", "bearer " + api.token("auditor", "cloud_controller.read"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anAdminReaderMayReadAnyAppsLogs() {
        var response = api.get(path(), "Authorization",
                "Bearer " + api.token("admin", "cloud_controller.admin_read_only"));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aUserWhoDoesNotSeeTheAppGetsTheSame404AsForNoApp() {
        String token = "bearer " + api.token("stranger", "cloud_controller.read");
        assertError(api.get(path(), "Authorization", token), 404, "CF-ResourceNotFound", 10010, "App not found");
        assertError(api.get("/internal/v4/log_access/no-such-app", "Authorization", token), 404,
                "CF-ResourceNotFound", 10010, "App not found");
    }

    @Test
    void withoutTheReadScopeIs403() {
        api.domain.roles.space("dev", RoleType.SPACE_DEVELOPER, seeds.org.guid(), seeds.space.guid());
        assertError(api.get(path(), "Authorization", "bearer " + api.token("dev", "openid")), 403,
                "CF-NotAuthorized", 10003, null);
    }

    @Test
    void withoutABearerTokenIs401AndAnUnknownTokenIsInvalid() {
        assertError(api.get(path()), 401, "CF-NotAuthenticated", 10002, "Authentication error");
        assertError(api.get(path(), "Authorization", "Basic dXNlcjpwYXNz"), 401, "CF-NotAuthenticated", 10002, null);
        assertError(api.get(path(), "Authorization", "bearer forged"), 401, "CF-InvalidAuthToken", 1000, null);
    }
}

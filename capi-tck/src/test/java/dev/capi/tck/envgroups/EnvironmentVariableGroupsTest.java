package dev.capi.tck.envgroups;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/environment_variable_groups/running|staging}. */
@Checks({"GET /v3/environment_variable_groups/:name", "PATCH /v3/environment_variable_groups/:name"})
class EnvironmentVariableGroupsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    @Test
    void adminsMergeVariablesAndNullDeletes() {
        String key = "TCK_" + Tck.unique("v").replace('-', '_').toUpperCase();
        ApiResponse r = admin.patch("/v3/environment_variable_groups/staging", obj("var", obj(key, "1", "KEEP", "x")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo("staging");
        assertThat(r.body().path("var").path(key).asText()).isEqualTo("1");
        ApiResponse removed = admin.patch("/v3/environment_variable_groups/staging", obj("var", obj(key, null)));
        assertThat(removed.body().path("var").has(key)).isFalse();
        assertThat(removed.body().path("var").path("KEEP").asText()).isEqualTo("x");
        assertThat(removed.body().path("links").path("self").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/environment_variable_groups/staging");
    }

    @Test
    void everyoneReadsOnlyAdminsWrite() {
        actors.check(Expect.byDefault(200), cf -> cf.get("/v3/environment_variable_groups/running"));
        actors.check(Expect.byDefault(403).and(200, ADMIN),
                cf -> cf.patch("/v3/environment_variable_groups/running", obj("var", obj("A", "b"))));
        assertThat(admin.get("/v3/environment_variable_groups/bogus").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"var\": {\"VCAP_X\": \"1\"}}", "{\"var\": {\"PORT\": \"1\"}}",
            "{\"var\": {\"VMC_X\": \"1\"}}", "{\"var\": 5}", "{\"other\": {}}", "{\"var\": {\"A\": 1}}"})
    void refusesReservedNamesAndBadShapesAndChangesNothing(String body) {
        String before = admin.get("/v3/environment_variable_groups/running").body().path("var").toString();
        ApiResponse r = admin.send("PATCH", "/v3/environment_variable_groups/running", body, "application/json");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(admin.get("/v3/environment_variable_groups/running").body().path("var").toString())
                .isEqualTo(before);
    }
}

package dev.capi.tck.identity;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

/** The UAA subset at the root document's {@code links.uaa}: what cf login, cf create-user and cf-java-client use. */
@Checks({"GET /v3/organizations"})
class TokenEndpointTest {
    static Tck tck;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
    }

    @Test
    void loginInfoHasPrompts() {
        String login = tck.anonymous().get("/").body().path("links").path("login").path("href").asText();
        ApiResponse r = tck.anonymous().get(login + "/login");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("prompts").has("username")).isTrue();
        assertThat(r.body().path("prompts").has("password")).isTrue();
    }

    @Test
    void passwordGrantReturnsAccessAndRefreshTokens() {
        String user = Tck.unique("login");
        createAccount(user, "pw-1");
        ApiResponse r = Cf.postForm(tck.uaaUrl() + "/oauth/token",
                Map.of("grant_type", "password", "username", user, "password", "pw-1"), "cf", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("token_type").asText()).isEqualTo("bearer");
        assertThat(r.body().path("access_token").asText()).contains(".");
        assertThat(r.body().path("refresh_token").asText()).contains(".");
        assertThat(r.body().path("expires_in").asInt()).isPositive();
        assertThat(r.body().path("scope").asText()).contains("cloud_controller.read");
        assertThat(r.body().path("jti").asText()).isNotBlank();

        ApiResponse refreshed = Cf.postForm(tck.uaaUrl() + "/oauth/token",
                Map.of("grant_type", "refresh_token", "refresh_token", r.body().path("refresh_token").asText()),
                "cf", "");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(tck.withToken(refreshed.body().path("access_token").asText()).get("/v3/organizations").status())
                .isEqualTo(200);
        assertThat(tck.withToken(r.body().path("refresh_token").asText()).get("/v3/organizations").status())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        ApiResponse r = Cf.postForm(tck.uaaUrl() + "/oauth/token",
                Map.of("grant_type", "password", "username", "admin", "password", "wrong"), "cf", "");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void tokenKeysArePublished() {
        ApiResponse r = tck.anonymous().get(tck.uaaUrl() + "/token_keys");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("keys").path(0).path("kty").asText()).isEqualTo("RSA");
        assertThat(r.body().path("keys").path(0).has("d")).isFalse();
    }

    @Test
    void scimUsersNeedScimScopes() {
        String user = Tck.unique("scim");
        String guid = createAccount(user, "pw-2");
        ApiResponse found = tck.admin().get(tck.uaaUrl() + "/Users?filter=userName+eq+%22" + user + "%22");
        assertThat(found.body().path("resources").path(0).path("id").asText()).isEqualTo(guid);
        ApiResponse ids = tck.admin().get(tck.uaaUrl() + "/ids/Users?filter=userName+eq+%22" + user
                + "%22+and+origin+eq+%22uaa%22");
        assertThat(ids.body().path("resources").path(0).path("userName").asText()).isEqualTo(user);

        Cf plain = tck.login(user, "pw-2");
        ApiResponse denied = plain.post(tck.uaaUrl() + "/Users", obj("userName", Tck.unique("x"), "password", "p"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(tck.anonymous().get(tck.uaaUrl() + "/Users?filter=userName+eq+%22x%22").status()).isEqualTo(401);

        assertThat(tck.admin().delete(tck.uaaUrl() + "/Users/" + guid).status()).isEqualTo(200);
        assertThat(tck.admin().get(tck.uaaUrl() + "/Users?filter=userName+eq+%22" + user + "%22").body()
                .path("totalResults").asInt()).isZero();
    }

    private static String createAccount(String user, String password) {
        ApiResponse r = tck.admin().post(tck.uaaUrl() + "/Users", obj("userName", user, "password", password,
                "emails", List.of(Map.of("value", user + "@example.com"))));
        assertThat(r.status()).isEqualTo(201);
        return r.body().path("id").asText();
    }
}

package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.identity.Account;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /uaa/oauth/token over HTTP: client authentication, the password, client_credentials and refresh_token grants, scopes. */
class TokenGrantsHttpTest extends UaaHttpTestSupport {

    @Test
    void passwordGrantWithTheCfClientAnswersUaasTokenResponse() throws Exception {
        Answer r = passwordGrant("alice", "alice-pw");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(r.raw().headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode b = r.body();
        assertThat(b.path("token_type").asText()).isEqualTo("bearer");
        assertThat(b.path("expires_in").asInt()).isBetween(1100, 1200);
        assertThat(b.path("scope").asText().split(" ")).containsExactlyInAnyOrder("cloud_controller.read",
                "cloud_controller.write", "openid", "uaa.user", "password.write");
        String access = b.path("access_token").asText();
        assertThat(b.path("jti").asText()).isEqualTo(SignedJWT.parse(access).getJWTClaimsSet().getJWTID());
        assertThat(b.path("refresh_token").asText()).isNotBlank().isNotEqualTo(access);

        Account alice = idp.accounts().findByUsername("alice", "uaa").orElseThrow();
        Principal p = verifier.verify(access);
        assertThat(p.userGuid()).isEqualTo(alice.guid());
        assertThat(p.userName()).isEqualTo("alice");
        assertThat(p.origin()).isEqualTo("uaa");
        assertThat(p.clientId()).isEqualTo("cf");
        assertThat(p.hasWriteScope()).isTrue();
        assertThat(p.isAdmin()).isFalse();
        var claims = SignedJWT.parse(access).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(uaa + "/oauth/token");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.org");
        assertThat(claims.getStringClaim("grant_type")).isEqualTo("password");
    }

    @Test
    void theAdminGetsTheAdminScopes() {
        Principal p = verifier.verify(adminToken);
        assertThat(p.userName()).isEqualTo("admin");
        assertThat(p.scopes()).containsExactlyInAnyOrderElementsOf(BuiltInIdentityProvider.ADMIN_GROUPS);
    }

    @Test
    void clientCredentialsMayAlsoComeAsFormFields() {
        Answer r = post("/oauth/token", null, form("grant_type", "password", "client_id", "cf", "client_secret", "",
                "username", "alice", "password", "alice-pw"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(verifier.verify(r.body().path("access_token").asText()).userName()).isEqualTo("alice");
    }

    @Test
    void badPasswordsAndUnknownUsersAreBadCredentials() {
        for (Answer r : List.of(passwordGrant("alice", "wrong"), passwordGrant("nobody", "alice-pw"),
                passwordGrant("alice", ""))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("unauthorized");
            assertThat(r.body().path("error_description").asText()).isEqualTo("Bad credentials");
            assertThat(r.body().has("access_token")).isFalse();
        }
    }

    @Test
    void theOriginComesFromTheLoginHintOrTheOriginField() {
        Answer hinted = post("/oauth/token", CF_BASIC, form("grant_type", "password", "username", "alice",
                "password", "ldap-pw", "login_hint", "{\"origin\":\"ldap\"}"));
        assertThat(hinted.status()).isEqualTo(200);
        assertThat(verifier.verify(hinted.body().path("access_token").asText()).origin()).isEqualTo("ldap");
        Answer field = post("/oauth/token", CF_BASIC, form("grant_type", "password", "username", "alice",
                "password", "ldap-pw", "origin", "ldap"));
        assertThat(field.status()).isEqualTo(200);
        // the ldap account's password does not open the uaa account
        assertThat(passwordGrant("alice", "ldap-pw").status()).isEqualTo(401);
    }

    @Test
    void clientCredentialsGrantGivesAClientTokenWithoutRefreshToken() {
        Answer r = post("/oauth/token", basic("ops", "s3cret"), form("grant_type", "client_credentials"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().has("refresh_token")).isFalse();
        assertThat(r.body().path("scope").asText()).isEqualTo("cloud_controller.admin");
        Principal p = verifier.verify(r.body().path("access_token").asText());
        assertThat(p.userGuid()).isEqualTo("ops");
        assertThat(p.userName()).isEqualTo("ops");
        assertThat(p.isAdmin()).isTrue();
    }

    @Test
    void clientsAreAuthenticated() {
        Answer wrongSecret = post("/oauth/token", basic("ops", "nope"), form("grant_type", "client_credentials"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.error()).isEqualTo("invalid_client");
        Answer unknown = post("/oauth/token", basic("who", ""), form("grant_type", "client_credentials"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error()).isEqualTo("invalid_client");
        Answer none = post("/oauth/token", null, form("grant_type", "password", "username", "alice",
                "password", "alice-pw"));
        assertThat(none.status()).isEqualTo(401);
        Answer cfWithSecret = post("/oauth/token", basic("cf", "x"), form("grant_type", "password",
                "username", "alice", "password", "alice-pw"));
        assertThat(cfWithSecret.status()).isEqualTo(401);
    }

    @Test
    void grantTypesAreCheckedPerClient() {
        Answer cfCredentials = post("/oauth/token", CF_BASIC, form("grant_type", "client_credentials"));
        assertThat(cfCredentials.status()).isEqualTo(400);
        assertThat(cfCredentials.error()).isEqualTo("unsupported_grant_type");
        Answer opsPassword = post("/oauth/token", basic("ops", "s3cret"), form("grant_type", "password",
                "username", "alice", "password", "alice-pw"));
        assertThat(opsPassword.status()).isEqualTo(400);
        assertThat(opsPassword.error()).isEqualTo("unsupported_grant_type");
        Answer code = post("/oauth/token", CF_BASIC, form("grant_type", "authorization_code", "code", "x"));
        assertThat(code.status()).isEqualTo(400);
        assertThat(code.error()).isEqualTo("unsupported_grant_type");
        Answer missing = post("/oauth/token", CF_BASIC, form("username", "alice"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("invalid_request");
    }

    @Test
    void refreshTokensBuyNewAccessTokensButAreNoAccessTokens() throws Exception {
        Answer login = passwordGrant("alice", "alice-pw");
        String refresh = login.body().path("refresh_token").asText();
        Answer refreshed = post("/oauth/token", CF_BASIC, form("grant_type", "refresh_token",
                "refresh_token", refresh));
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.body().path("access_token").asText();
        assertThat(access).isNotEqualTo(login.body().path("access_token").asText());
        assertThat(refreshed.body().path("refresh_token").asText()).isNotBlank();
        assertThat(verifier.verify(access).userName()).isEqualTo("alice");
        assertThat(SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("grant_type")).isEqualTo("refresh_token");

        // a refresh token is refused as a bearer token, an access token as a refresh token
        JwtTokenVerifierTest.assertInvalid(() -> verifier.verify(refresh));
        assertThat(get("/Users/" + UUID.randomUUID(), refresh).status()).isEqualTo(401);
        Answer wrongKind = post("/oauth/token", CF_BASIC, form("grant_type", "refresh_token",
                "refresh_token", login.body().path("access_token").asText()));
        assertThat(wrongKind.status()).isEqualTo(401);
        assertThat(wrongKind.error()).isEqualTo("invalid_token");
        Answer garbage = post("/oauth/token", CF_BASIC, form("grant_type", "refresh_token", "refresh_token", "x.y.z"));
        assertThat(garbage.status()).isEqualTo(401);
        Answer missing = post("/oauth/token", CF_BASIC, form("grant_type", "refresh_token"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("invalid_request");
    }

    @Test
    void aRequestedScopeNarrowsTheTokenAndCannotWidenIt() {
        Answer narrow = post("/oauth/token", CF_BASIC, form("grant_type", "password", "username", "alice",
                "password", "alice-pw", "scope", "openid cloud_controller.read"));
        assertThat(narrow.status()).isEqualTo(200);
        assertThat(verifier.verify(narrow.body().path("access_token").asText()).scopes())
                .containsExactlyInAnyOrder("openid", "cloud_controller.read");
        // refreshing keeps the narrowed scopes
        Answer refreshed = post("/oauth/token", CF_BASIC, form("grant_type", "refresh_token",
                "refresh_token", narrow.body().path("refresh_token").asText()));
        assertThat(verifier.verify(refreshed.body().path("access_token").asText()).scopes())
                .containsExactlyInAnyOrder("openid", "cloud_controller.read");
        Answer wide = post("/oauth/token", CF_BASIC, form("grant_type", "password", "username", "alice",
                "password", "alice-pw", "scope", "cloud_controller.admin"));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.error()).isEqualTo("invalid_scope");
    }
}

package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.identity.Account;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The /uaa endpoints over HTTP, on a Grizzly server holding only the built-in identity provider's resource. */
class UaaResourceHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: plain Grizzly never finishes reading a body sent with an h2c upgrade request (the server adds PlainHttpOnly). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String CF_BASIC = "Basic " + Base64.getEncoder().encodeToString("cf:".getBytes());

    @TempDir
    static Path data;

    private static HttpServer server;
    private static String uaa;
    private static BuiltInIdentityProvider idp;
    private static TokenVerifier verifier;
    private static String adminToken;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String error() {
            return body.path("error").asText();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        uaa = "http://127.0.0.1:" + port + "/uaa";
        idp = new BuiltInIdentityProvider(new InMemoryAccountStore(), data.resolve("keys"), uaa, Clock.systemUTC(),
                List.of(OAuthClient.clientCredentials("ops", "s3cret", Set.of("cloud_controller.admin")),
                        OAuthClient.clientCredentials("reader", "r", Set.of("scim.read", "cloud_controller.read"))));
        verifier = idp.tokenVerifier();
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                new ResourceConfig().register(idp.uaaEndpoints()));
        idp.ensureAdmin("admin", "admin-pw");
        idp.createUser("alice", "alice-pw", "uaa", "alice@example.org");
        idp.createUser("alice", "ldap-pw", "ldap", "alice@ldap.example.org");
        adminToken = passwordGrant("admin", "admin-pw").body().path("access_token").asText();
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    // ---- token endpoint ----------------------------------------------------------------------------------------

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

    // ---- keys and login info -----------------------------------------------------------------------------------

    @Test
    void tokenKeysPublishThePublicKeyThatVerifiesIssuedTokens() {
        Answer r = get("/token_keys", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode key = r.body().path("keys").path(0);
        assertThat(r.body().path("keys")).hasSize(1);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("alg").asText()).isEqualTo("RS256");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        assertThat(key.path("e").asText()).isEqualTo("AQAB");
        assertThat(key.path("n").asText()).isNotBlank();
        assertThat(key.path("kid").asText()).isNotBlank();
        assertThat(key.path("value").asText()).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----");
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();

        Answer single = get("/token_key", null);
        assertThat(single.status()).isEqualTo(200);
        assertThat(single.body().path("kid").asText()).isEqualTo(key.path("kid").asText());

        // what a Cloud Controller in front of this UAA would do
        var remote = JwtTokenVerifier.remote(URI.create(uaa + "/token_keys"), uaa + "/oauth/token",
                Clock.systemUTC());
        assertThat(remote.verify(adminToken).isAdmin()).isTrue();
    }

    @Test
    void loginAndInfoDescribeTheServerAndItsPrompts() {
        for (String path : List.of("/login", "/info")) {
            Answer r = get(path, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body().path("app").path("version").asText()).isNotBlank();
            assertThat(r.body().path("links").path("uaa").asText()).isEqualTo(uaa);
            assertThat(r.body().path("links").path("login").asText()).isEqualTo(uaa);
            assertThat(r.body().path("prompts").path("username").get(0).asText()).isEqualTo("text");
            assertThat(r.body().path("prompts").path("username").get(1).asText()).isEqualTo("Email");
            assertThat(r.body().path("prompts").path("password").get(0).asText()).isEqualTo("password");
            assertThat(r.body().path("prompts").path("password").get(1).asText()).isEqualTo("Password");
        }
    }

    // ---- SCIM ----------------------------------------------------------------------------------------------------

    @Test
    void scimCreateFilterGetAndDeleteAUser() throws Exception {
        String name = "user-" + UUID.randomUUID();
        Answer created = post("/Users", "bearer " + adminToken, JSON.writeValueAsString(Map.of("userName", name,
                "password", "pw-1", "emails", List.of(Map.of("value", name + "@example.org", "primary", true)),
                "name", Map.of("givenName", "G", "familyName", "F"))), "application/json");
        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.body();
        String id = user.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(user.path("userName").asText()).isEqualTo(name);
        assertThat(user.path("origin").asText()).isEqualTo("uaa");
        assertThat(user.path("emails").path(0).path("value").asText()).isEqualTo(name + "@example.org");
        assertThat(user.path("emails").path(0).path("primary").asBoolean()).isTrue();
        assertThat(user.path("meta").path("created").asText()).isNotBlank();
        assertThat(user.path("schemas").get(0).asText()).isEqualTo("urn:scim:schemas:core:1.0");
        assertThat(user.has("password")).isFalse();

        Answer duplicate = post("/Users", "bearer " + adminToken,
                JSON.writeValueAsString(Map.of("userName", name, "password", "x")), "application/json");
        assertThat(duplicate.status()).isEqualTo(409);

        // the new user can log in and gets ordinary scopes
        Answer login = passwordGrant(name, "pw-1");
        assertThat(login.status()).isEqualTo(200);
        assertThat(verifier.verify(login.body().path("access_token").asText()).userGuid()).isEqualTo(id);

        Answer found = get("/Users?filter=" + enc("userName eq \"" + name + "\""), adminToken);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.body().path("startIndex").asInt()).isEqualTo(1);
        assertThat(found.body().path("itemsPerPage").asInt()).isPositive();
        assertThat(found.body().path("schemas").get(0).asText()).isEqualTo("urn:scim:schemas:core:1.0");
        assertThat(found.body().path("resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(found.body().path("resources").get(0).path("emails").get(0).path("value").asText())
                .isEqualTo(name + "@example.org");

        Answer withOrigin = get("/Users?filter=" + enc("userName Eq \"" + name + "\" AND origin eq \"uaa\""),
                adminToken);
        assertThat(ids(withOrigin)).containsExactly(id);
        assertThat(ids(get("/Users?filter=" + enc("userName eq \"" + name + "\" and origin eq \"ldap\""),
                adminToken))).isEmpty();
        assertThat(ids(get("/Users?filter=" + enc("id eq \"" + id + "\""), adminToken))).containsExactly(id);

        Answer idsOnly = get("/ids/Users?filter=" + enc("userName eq \"" + name + "\""), adminToken);
        assertThat(idsOnly.status()).isEqualTo(200);
        JsonNode entry = idsOnly.body().path("resources").get(0);
        List<String> fields = new ArrayList<>();
        entry.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "userName", "origin");
        assertThat(entry.path("id").asText()).isEqualTo(id);
        assertThat(entry.path("origin").asText()).isEqualTo("uaa");

        Answer one = get("/Users/" + id, adminToken);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("userName").asText()).isEqualTo(name);

        Answer deleted = send(HttpRequest.newBuilder(URI.create(uaa + "/Users/" + id))
                .header("Authorization", "bearer " + adminToken).DELETE());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("id").asText()).isEqualTo(id);
        assertThat(deleted.body().path("userName").asText()).isEqualTo(name);
        assertThat(get("/Users/" + id, adminToken).status()).isEqualTo(404);
        assertThat(ids(get("/Users?filter=" + enc("userName eq \"" + name + "\""), adminToken))).isEmpty();
        assertThat(passwordGrant(name, "pw-1").status()).isEqualTo(401);
        Answer again = send(HttpRequest.newBuilder(URI.create(uaa + "/Users/" + id))
                .header("Authorization", "bearer " + adminToken).DELETE());
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void scimUsersInAnotherOrigin() throws Exception {
        String name = "sso-" + UUID.randomUUID();
        Answer created = post("/Users", "bearer " + adminToken, JSON.writeValueAsString(Map.of("userName", name,
                "origin", "saml", "emails", List.of(Map.of("value", name + "@sso", "primary", true)))),
                "application/json");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("origin").asText()).isEqualTo("saml");
        Answer ids = get("/ids/Users?filter=" + enc("userName eq \"" + name + "\" and origin eq \"saml\""),
                adminToken);
        assertThat(ids.body().path("resources").get(0).path("origin").asText()).isEqualTo("saml");
    }

    @Test
    void scimNeedsATokenWithScimScopes() throws Exception {
        String body = JSON.writeValueAsString(Map.of("userName", "x-" + UUID.randomUUID(), "password", "p"));
        String userToken = passwordGrant("alice", "alice-pw").body().path("access_token").asText();
        Account admin = idp.accounts().findByUsername("admin", "uaa").orElseThrow();
        String filter = "/Users?filter=" + enc("userName eq \"admin\"");

        // no token: 401; a bad token: 401
        assertThat(post("/Users", null, body, "application/json").status()).isEqualTo(401);
        assertThat(get(filter, null).status()).isEqualTo(401);
        assertThat(get("/ids/Users?filter=" + enc("userName eq \"admin\""), null).status()).isEqualTo(401);
        Answer forged = get(filter, "ey.bad.token");
        assertThat(forged.status()).isEqualTo(401);

        // an ordinary user: 403 insufficient_scope everywhere
        for (Answer r : List.of(post("/Users", "bearer " + userToken, body, "application/json"),
                get(filter, userToken), get("/ids/Users?filter=" + enc("userName eq \"admin\""), userToken),
                get("/Users/" + admin.guid(), userToken),
                send(HttpRequest.newBuilder(URI.create(uaa + "/Users/" + admin.guid()))
                        .header("Authorization", "bearer " + userToken).DELETE()))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("insufficient_scope");
        }
        assertThat(idp.accounts().findByGuid(admin.guid())).isPresent();

        // scim.read reads but does not write; cloud_controller.admin alone does both
        String reader = post("/oauth/token", basic("reader", "r"), form("grant_type", "client_credentials"))
                .body().path("access_token").asText();
        assertThat(ids(get(filter, reader))).containsExactly(admin.guid());
        assertThat(post("/Users", "bearer " + reader, body, "application/json").status()).isEqualTo(403);
        String ops = post("/oauth/token", basic("ops", "s3cret"), form("grant_type", "client_credentials"))
                .body().path("access_token").asText();
        assertThat(post("/Users", "bearer " + ops, body, "application/json").status()).isEqualTo(201);
    }

    @Test
    void scimRefusesMalformedFiltersAndBodies() throws Exception {
        Answer badFilter = get("/Users?filter=" + enc("userName like \"a\""), adminToken);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.error()).isEqualTo("invalid_filter");
        Answer noName = post("/Users", "bearer " + adminToken, JSON.writeValueAsString(Map.of("password", "p")),
                "application/json");
        assertThat(noName.status()).isEqualTo(400);
        Answer notJson = post("/Users", "bearer " + adminToken, "{", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        // no filter lists everyone
        Answer all = get("/Users", adminToken);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("totalResults").asInt()).isGreaterThanOrEqualTo(3);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static List<String> ids(Answer r) {
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.body().path("resources").forEach(u -> ids.add(u.path("id").asText()));
        return ids;
    }

    private static Answer passwordGrant(String username, String password) {
        return post("/oauth/token", CF_BASIC, form("grant_type", "password", "username", username,
                "password", password));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return sb.toString();
    }

    private static Answer post(String path, String authorization, String form) {
        return post(path, authorization, form, "application/x-www-form-urlencoded");
    }

    private static Answer post(String path, String authorization, String body, String contentType) {
        var b = HttpRequest.newBuilder(URI.create(uaa + path)).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    private static Answer get(String path, String token) {
        var b = HttpRequest.newBuilder(URI.create(uaa + path)).header("Accept", "application/json").GET();
        if (token != null) {
            b.header("Authorization", "bearer " + token);
        }
        return send(b);
    }

    private static Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
            }
            return new Answer(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

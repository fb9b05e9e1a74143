package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.identity.Account;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The SCIM user calls over HTTP: create, filter, get and delete users, and the scopes they need. */
class ScimUsersHttpTest extends UaaHttpTestSupport {

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

    private static List<String> ids(Answer r) {
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.body().path("resources").forEach(u -> ids.add(u.path("id").asText()));
        return ids;
    }
}

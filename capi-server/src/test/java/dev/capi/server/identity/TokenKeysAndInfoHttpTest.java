package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /uaa/token_keys, /uaa/token_key, /uaa/login and /uaa/info over HTTP. */
class TokenKeysAndInfoHttpTest extends UaaHttpTestSupport {

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
}

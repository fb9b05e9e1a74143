package dev.capi.server.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtTokenVerifierTest {
    private static final String BASE = "http://localhost/uaa";
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final SigningKeys keys = SigningKeys.ephemeral();
    private final TokenIssuer issuer = new TokenIssuer(keys, BASE, clock);
    private final JwtTokenVerifier verifier = JwtTokenVerifier.local(keys, TokenIssuer.issuerOf(BASE), clock);
    private final TokenIssuer.Subject alice = new TokenIssuer.Subject("guid-1", "alice", "uaa", "a@x", "cf",
            Set.of("cloud_controller.read", "cloud_controller.admin"), "password");

    @Test
    void anIssuedTokenVerifiesIntoItsPrincipal() {
        var p = verifier.verify(issuer.accessToken(alice));
        assertThat(p.userGuid()).isEqualTo("guid-1");
        assertThat(p.userName()).isEqualTo("alice");
        assertThat(p.origin()).isEqualTo("uaa");
        assertThat(p.clientId()).isEqualTo("cf");
        assertThat(p.scopes()).containsExactlyInAnyOrder("cloud_controller.read", "cloud_controller.admin");
        assertThat(p.isAdmin()).isTrue();
    }

    @Test
    void accessTokensCarryUaasClaims() throws Exception {
        JWTClaimsSet c = SignedJWT.parse(issuer.accessToken(alice)).getJWTClaimsSet();
        SignedJWT jwt = SignedJWT.parse(issuer.accessToken(alice));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.keyId());
        assertThat(c.getJWTID()).isNotBlank();
        assertThat(c.getSubject()).isEqualTo("guid-1");
        assertThat(c.getStringClaim("user_id")).isEqualTo("guid-1");
        assertThat(c.getStringClaim("user_name")).isEqualTo("alice");
        assertThat(c.getStringClaim("origin")).isEqualTo("uaa");
        assertThat(c.getStringClaim("email")).isEqualTo("a@x");
        assertThat(c.getStringClaim("client_id")).isEqualTo("cf");
        assertThat(c.getStringClaim("cid")).isEqualTo("cf");
        assertThat(c.getStringClaim("azp")).isEqualTo("cf");
        assertThat(c.getStringClaim("zid")).isEqualTo("uaa");
        assertThat(c.getStringClaim("grant_type")).isEqualTo("password");
        assertThat(c.getStringListClaim("scope")).containsExactlyInAnyOrder("cloud_controller.read",
                "cloud_controller.admin");
        assertThat(c.getAudience()).contains("cloud_controller", "openid");
        assertThat(c.getIssuer()).isEqualTo("http://localhost/uaa/oauth/token");
        assertThat(c.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(20)));
    }

    @Test
    void clientTokensUseTheClientIdAsUserAndName() {
        var client = new TokenIssuer.Subject(null, null, null, null, "my-client", Set.of("cloud_controller.read"),
                "client_credentials");
        var p = verifier.verify(issuer.accessToken(client));
        assertThat(p.userGuid()).isEqualTo("my-client");
        assertThat(p.userName()).isEqualTo("my-client");
        assertThat(p.clientId()).isEqualTo("my-client");
        assertThat(p.origin()).isNull();
        assertThat(p.hasReadScope()).isTrue();
        assertThat(p.hasWriteScope()).isFalse();
    }

    @Test
    void tokensAreValidUntilTheyExpire() {
        String token = issuer.accessToken(alice);
        var almost = JwtTokenVerifier.local(keys, Clock.offset(clock, Duration.ofMinutes(20).minusSeconds(1)));
        assertThat(almost.verify(token).userGuid()).isEqualTo("guid-1");
        var later = JwtTokenVerifier.local(keys, Clock.offset(clock, Duration.ofMinutes(20)));
        assertInvalid(() -> later.verify(token));
    }

    @Test
    void tokensSignedByAnotherKeyAreRejected() {
        String forged = new TokenIssuer(SigningKeys.ephemeral(), BASE, clock).accessToken(alice);
        assertInvalid(() -> verifier.verify(forged));
    }

    @Test
    void tokensSignedByAnotherKeyClaimingOurKeyIdAreRejected() throws Exception {
        SigningKeys other = SigningKeys.ephemeral();
        assertInvalid(() -> verifier.verify(sign(other, keys.keyId(), b -> b)));
    }

    @Test
    void tokensWithoutTheCloudControllerAudienceAreRejected() throws Exception {
        assertThat(verifier.verify(sign(keys, keys.keyId(), b -> b)).userGuid()).isEqualTo("guid-9");
        assertInvalid(() -> verifier.verify(sign(keys, keys.keyId(), b -> b.audience(List.of("openid", "uaa")))));
        assertInvalid(() -> verifier.verify(sign(keys, keys.keyId(), b -> b.audience((String) null))));
    }

    @Test
    void tokensOfAnotherIssuerAreRejected() throws Exception {
        assertInvalid(() -> verifier.verify(sign(keys, keys.keyId(), b -> b.issuer("https://evil/oauth/token"))));
        // without an expected issuer, any issuer passes
        assertThat(JwtTokenVerifier.local(keys, clock).verify(
                sign(keys, keys.keyId(), b -> b.issuer("https://other/oauth/token"))).userGuid()).isEqualTo("guid-9");
    }

    @Test
    void tokensWithoutExpiryOrNotYetValidAreRejected() throws Exception {
        assertInvalid(() -> verifier.verify(sign(keys, keys.keyId(), b -> b.expirationTime(null))));
        assertInvalid(() -> verifier.verify(sign(keys, keys.keyId(),
                b -> b.notBeforeTime(Date.from(now.plusSeconds(60))))));
    }

    @Test
    void refreshTokensAreNotAccessTokens() throws Exception {
        String refresh = issuer.refreshToken(alice);
        assertInvalid(() -> verifier.verify(refresh));
        // even a refresh token that carries the API's audience (as UAA's do) is refused by its "-r" jti
        assertInvalid(() -> verifier.verify(sign(keys, keys.keyId(), b -> b.jwtID("abc-r"))));
        JWTClaimsSet c = SignedJWT.parse(refresh).getJWTClaimsSet();
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofDays(30)));
        assertThat(c.getAudience()).doesNotContain("cloud_controller");
    }

    @Test
    void otherAlgorithmsAndUnsignedTokensAreRejected() throws Exception {
        JWTClaimsSet claims = claims().build();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.keyId()).build(), claims);
        hmac.sign(new MACSigner(new byte[32]));
        assertInvalid(() -> verifier.verify(hmac.serialize()));
        assertInvalid(() -> verifier.verify(new PlainJWT(claims).serialize()));
    }

    @Test
    void garbageIsRejected() {
        assertInvalid(() -> verifier.verify("not-a-jwt"));
        assertInvalid(() -> verifier.verify(""));
        assertInvalid(() -> verifier.verify(null));
        String token = issuer.accessToken(alice);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertInvalid(() -> verifier.verify(tampered));
    }

    @Test
    void tokensWithNeitherUserNorClientAreRejected() throws Exception {
        assertInvalid(() -> verifier.verify(sign(keys, keys.keyId(),
                b -> b.claim("user_id", null).claim("client_id", null))));
    }

    @Test
    void scopesMayAlsoBeASpaceSeparatedString() throws Exception {
        var p = verifier.verify(sign(keys, keys.keyId(), b -> b.claim("scope", "cloud_controller.read  openid")));
        assertThat(p.scopes()).containsExactlyInAnyOrder("cloud_controller.read", "openid");
    }

    @Test
    void remoteKeysAreFetchedCachedAndRefetchedForAnUnknownKid() throws Exception {
        AtomicReference<SigningKeys> served = new AtomicReference<>(keys);
        AtomicInteger fetches = new AtomicInteger();
        HttpServer uaa = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        uaa.createContext("/token_keys", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().publicKeys().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        uaa.start();
        try {
            AtomicReference<Instant> time = new AtomicReference<>(now);
            Clock moving = new Clock() {
                public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
                public Clock withZone(java.time.ZoneId zone) { return this; }
                public Instant instant() { return time.get(); }
            };
            URI url = URI.create("http://127.0.0.1:" + uaa.getAddress().getPort() + "/token_keys");
            var remote = JwtTokenVerifier.remote(url, TokenIssuer.issuerOf(BASE), moving);

            assertThat(remote.verify(issuer.accessToken(alice)).userGuid()).isEqualTo("guid-1");
            assertThat(remote.verify(issuer.accessToken(alice)).userGuid()).isEqualTo("guid-1");
            assertThat(fetches).hasValue(1);

            // the UAA rotates its key: an unknown kid makes the verifier fetch again
            SigningKeys rotated = SigningKeys.ephemeral();
            served.set(rotated);
            time.set(now.plusSeconds(60));
            String newToken = new TokenIssuer(rotated, BASE, moving).accessToken(alice);
            assertThat(remote.verify(newToken).userGuid()).isEqualTo("guid-1");
            assertThat(fetches).hasValue(2);

            // forged kids do not make it hammer the UAA: at most one refetch per interval
            String forged = new TokenIssuer(SigningKeys.ephemeral(), BASE, moving).accessToken(alice);
            assertInvalid(() -> remote.verify(forged));
            assertInvalid(() -> remote.verify(forged));
            assertThat(fetches).hasValue(2);
            time.set(now.plusSeconds(60).plus(JwtTokenVerifier.MIN_REFETCH_INTERVAL));
            assertInvalid(() -> remote.verify(forged));
            assertThat(fetches).hasValue(3);
        } finally {
            uaa.stop(0);
        }
    }

    @Test
    void anUnreachableUaaIsReportedAsUnavailable() {
        var remote = JwtTokenVerifier.remote(URI.create("http://127.0.0.1:1/token_keys"), null, clock);
        assertThatThrownBy(() -> remote.verify(issuer.accessToken(alice))).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.UaaUnavailable));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().jwtID("j1").subject("guid-9").claim("user_id", "guid-9")
                .claim("user_name", "zed").claim("origin", "uaa").claim("client_id", "cf")
                .claim("scope", List.of("cloud_controller.read")).audience(List.of("cloud_controller", "openid"))
                .issuer(TokenIssuer.issuerOf(BASE)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private String sign(SigningKeys with, String kid, UnaryOperator<JWTClaimsSet.Builder> change) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                change.apply(claims()).build());
        try {
            jwt.sign(new RSASSASigner(with.privateKey()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static void assertInvalid(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.InvalidAuthToken));
    }
}

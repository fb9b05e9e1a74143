package dev.capi.server.identity;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtTokenVerifierTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final SigningKeys keys = SigningKeys.ephemeral();
    private final TokenIssuer issuer = new TokenIssuer(keys, "http://localhost/uaa", clock);
    private final JwtTokenVerifier verifier = JwtTokenVerifier.local(keys, clock);
    private final TokenIssuer.Subject alice = new TokenIssuer.Subject("guid-1", "alice", "uaa", "a@x", "cf",
            Set.of("cloud_controller.read", "cloud_controller.admin"), "password");

    @Test
    void anIssuedTokenVerifiesIntoItsPrincipal() {
        var p = verifier.verify(issuer.accessToken(alice));
        assertThat(p.userGuid()).isEqualTo("guid-1");
        assertThat(p.userName()).isEqualTo("alice");
        assertThat(p.origin()).isEqualTo("uaa");
        assertThat(p.isAdmin()).isTrue();
    }

    @Test
    void clientTokensUseTheClientIdAsUser() {
        var client = new TokenIssuer.Subject(null, null, null, null, "my-client", Set.of("cloud_controller.read"),
                "client_credentials");
        var p = verifier.verify(issuer.accessToken(client));
        assertThat(p.userGuid()).isEqualTo("my-client");
        assertThat(p.hasReadScope()).isTrue();
    }

    @Test
    void expiredTokensAreRejected() {
        String token = issuer.accessToken(alice);
        var later = JwtTokenVerifier.local(keys, Clock.offset(clock, Duration.ofMinutes(21)));
        assertInvalid(() -> later.verify(token));
    }

    @Test
    void tokensSignedByAnotherKeyAreRejected() {
        String forged = new TokenIssuer(SigningKeys.ephemeral(), "http://localhost/uaa", clock).accessToken(alice);
        assertInvalid(() -> verifier.verify(forged));
    }

    @Test
    void refreshTokensAreNotAccessTokens() {
        assertInvalid(() -> verifier.verify(issuer.refreshToken(alice)));
    }

    @Test
    void garbageIsRejected() {
        assertInvalid(() -> verifier.verify("not-a-jwt"));
        String token = issuer.accessToken(alice);
        assertInvalid(() -> verifier.verify(token.substring(0, token.length() - 3) + "abc"));
    }

    @Test
    void passwordsAreSaltedAndVerified() {
        String h1 = PasswordHasher.hash("secret");
        String h2 = PasswordHasher.hash("secret");
        assertThat(h1).isNotEqualTo(h2).startsWith("pbkdf2-sha256$");
        assertThat(PasswordHasher.matches("secret", h1)).isTrue();
        assertThat(PasswordHasher.matches("wrong", h1)).isFalse();
        assertThat(PasswordHasher.matches("secret", "garbage")).isFalse();
    }

    private static void assertInvalid(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.InvalidAuthToken));
    }
}

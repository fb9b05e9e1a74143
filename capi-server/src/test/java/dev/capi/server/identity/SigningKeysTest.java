package dev.capi.server.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {
    @TempDir
    Path data;

    @Test
    void theKeyIsCreatedOnceAsAnOwnerOnlyJwkFileAndReloaded() throws Exception {
        Path dir = data.resolve("keys");
        SigningKeys first = SigningKeys.loadOrCreate(dir);
        Path file = dir.resolve("token-signing-key.json");
        assertThat(file).exists();
        var json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.path("kty").asText()).isEqualTo("RSA");
        assertThat(json.path("kid").asText()).isEqualTo(first.keyId()).isNotBlank();
        assertThat(json.has("d")).isTrue();
        assertThat(first.privateKey().size()).isEqualTo(2048);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(file);
        }

        SigningKeys again = SigningKeys.loadOrCreate(dir);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.privateKey()).isEqualTo(first.privateKey());
        // a token signed before a restart still verifies after it
        var alice = new TokenIssuer.Subject("g", "alice", "uaa", null, "cf", Set.of("openid"), "password");
        String token = new TokenIssuer(first, "http://x/uaa", Clock.systemUTC()).accessToken(alice);
        assertThat(JwtTokenVerifier.local(again, Clock.systemUTC()).verify(token).userGuid()).isEqualTo("g");
    }

    @Test
    void publicKeysHoldNoPrivateParts() {
        SigningKeys keys = SigningKeys.ephemeral();
        var jwk = keys.publicKeys().getKeys().get(0);
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(jwk.getKeyID()).isEqualTo(keys.keyId());
        assertThat(keys.publicKeys().toString()).doesNotContain("\"d\"");
    }

    @Test
    void aCorruptKeyFileStopsTheStartInsteadOfBeingReplaced() throws Exception {
        Files.writeString(data.resolve("token-signing-key.json"), "{\"kty\":\"oops\"}");
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(data)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(data.resolve("token-signing-key.json"))).contains("oops");
    }

    @Test
    void aPublicOnlyKeyFileIsRefused() throws Exception {
        Files.writeString(data.resolve("token-signing-key.json"),
                SigningKeys.ephemeral().publicKeys().getKeys().get(0).toJSONString());
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(data)).isInstanceOf(IllegalStateException.class);
    }
}

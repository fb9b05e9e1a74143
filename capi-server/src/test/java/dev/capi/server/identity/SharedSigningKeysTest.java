package dev.capi.server.identity;

import dev.capi.domain.identity.SigningKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing key every node shares through a store: stored once, read by the rest, a legacy key file adopted. */
class SharedSigningKeysTest {
    @TempDir
    Path data;

    /** A store in a map, with the database's rule: the first key stored under a name stays. */
    private static final class MapStore implements SigningKeyStore {
        private final Map<String, String> keys = new ConcurrentHashMap<>();

        @Override
        public Optional<String> find(String name) {
            return Optional.ofNullable(keys.get(name));
        }

        @Override
        public String storeIfAbsent(String name, String jwk) {
            String before = keys.putIfAbsent(name, jwk);
            return before != null ? before : jwk;
        }
    }

    @Test
    void theFirstNodeStoresItsKeyAndEveryOtherNodeSignsWithIt() {
        var store = new MapStore();
        SigningKeys first = SigningKeys.shared(store, null);
        SigningKeys second = SigningKeys.shared(store, data.resolve("keys"));
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKeys().toString()).isEqualTo(first.publicKeys().toString());
        assertThat(store.find(SigningKeys.STORE_NAME)).isPresent();
    }

    @Test
    void aNodeThatLosesTheRaceToStoreUsesTheKeyThatWon() {
        var store = new MapStore();
        SigningKeys winner = SigningKeys.ephemeral();
        store.storeIfAbsent(SigningKeys.STORE_NAME, winner.privateKey().toJSONString());
        assertThat(SigningKeys.shared(store, null).keyId()).isEqualTo(winner.keyId());
    }

    @Test
    void aKeyFileFromBeforeKeysWereSharedIsAdoptedSoItsTokensStayValid() {
        SigningKeys legacy = SigningKeys.loadOrCreate(data.resolve("keys"));
        var store = new MapStore();
        assertThat(SigningKeys.shared(store, data.resolve("keys")).keyId()).isEqualTo(legacy.keyId());
        assertThat(SigningKeys.shared(store, null).keyId()).isEqualTo(legacy.keyId());
    }

    @Test
    void aConfiguredKeyFileIsCreatedOnceAndReloaded() {
        Path file = data.resolve("shared/signing.jwk");
        SigningKeys first = SigningKeys.loadOrCreateFile(file);
        assertThat(file).exists();
        assertThat(SigningKeys.loadOrCreateFile(file).keyId()).isEqualTo(first.keyId());
    }
}

package dev.capi.persistence.identity;

import dev.capi.domain.identity.SigningKeyStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Signing keys in the {@code signing_keys} table; its primary key settles two nodes storing a first key at once. */
public final class JdbiSigningKeyStore implements SigningKeyStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiSigningKeyStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<String> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT jwk FROM signing_keys WHERE name = :n").bind("n", name)
                .mapTo(String.class).findOne());
    }

    @Override
    public String storeIfAbsent(String name, String jwk) {
        Optional<String> stored = find(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO signing_keys (name, jwk, created_at) VALUES (:n, :k, :t)")
                    .bind("n", name).bind("k", jwk).bind("t", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .execute());
            return jwk;
        } catch (JdbiException e) {
            // another node stored its key first (a primary-key violation): that one is the key
            return find(name).orElseThrow(() -> e);
        }
    }
}

package dev.capi.domain.identity;

import java.util.Optional;

/**
 * Port: the built-in issuer's signing keys, shared by every node of one Cloud Controller (each key a private JWK as
 * JSON, under a name). The first node to store a name wins; the others read what it stored.
 */
public interface SigningKeyStore {
    Optional<String> find(String name);

    /** Stores the key unless one is stored under this name already; returns the key stored under it afterwards. */
    String storeIfAbsent(String name, String jwk);
}

package dev.capi.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/** The issuer's RSA signing key: generated at first start, kept as a JWK file, reloaded afterwards. */
public final class SigningKeys {
    private final RSAKey key;

    private SigningKeys(RSAKey key) {
        this.key = key;
    }

    /** Loads {@code dir/token-signing-key.json}, creating it (owner-only) when absent. */
    public static SigningKeys loadOrCreate(Path dir) {
        Path file = dir.resolve("token-signing-key.json");
        try {
            if (Files.exists(file)) {
                return new SigningKeys(RSAKey.parse(Files.readString(file)));
            }
            Files.createDirectories(dir);
            RSAKey generated = generate();
            Files.writeString(file, generated.toJSONString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return new SigningKeys(generated);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot load or create the token signing key in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /** A key that lives only in memory (tests, ephemeral servers). */
    public static SigningKeys ephemeral() {
        return new SigningKeys(generate());
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("key-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key: " + e.getMessage(), e);
        }
    }

    public RSAKey privateKey() {
        return key;
    }

    /** The public keys as a JWK set (what {@code /token_keys} serves). */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}

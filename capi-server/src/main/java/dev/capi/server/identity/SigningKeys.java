package dev.capi.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.capi.domain.identity.SigningKeyStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The issuer's RSA 2048 signing key with its key id: generated at first start and kept, as a JWK, in the database
 * (every node signs and verifies with the same key) or in a file the operator names; reloaded afterwards.
 */
public final class SigningKeys {
    /** The key file's name inside the keys directory. */
    public static final String FILE_NAME = "token-signing-key.json";
    /** The key's name in the shared store. */
    public static final String STORE_NAME = "token-signing";

    private final RSAKey key;

    private SigningKeys(RSAKey key) {
        this.key = key;
    }

    /** Loads {@code dir/token-signing-key.json}, creating it (readable by the owner only, where supported) when absent. */
    public static SigningKeys loadOrCreate(Path dir) {
        return loadOrCreateFile(dir.resolve(FILE_NAME));
    }

    /** Loads this JWK file, creating it (readable by the owner only, where supported) when absent. */
    public static SigningKeys loadOrCreateFile(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            Files.createDirectories(dir);
            RSAKey generated = generate();
            writeOwnerOnly(file, generated.toJSONString());
            // another process may have won the race to create the file: whatever is on disk is the key
            return load(file);
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot load or create the token signing key in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The key shared by every node through {@code store}: the one stored, else this node's candidate, which is the
     * key file a single node kept in {@code legacyDir} before keys were shared (so that its tokens stay valid) or a
     * new key. When two nodes start at once, the first candidate stored wins and both sign with it.
     */
    public static SigningKeys shared(SigningKeyStore store, Path legacyDir) {
        try {
            var stored = store.find(STORE_NAME);
            if (stored.isPresent()) {
                return new SigningKeys(parse(stored.get()));
            }
            Path legacy = legacyDir == null ? null : legacyDir.resolve(FILE_NAME);
            RSAKey candidate = legacy != null && Files.exists(legacy) ? load(legacy).key : generate();
            return new SigningKeys(parse(store.storeIfAbsent(STORE_NAME, candidate.toJSONString())));
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot load or create the shared token signing key: " + e.getMessage(), e);
        }
    }

    /** A key that lives only in memory (tests, ephemeral servers). */
    public static SigningKeys ephemeral() {
        try {
            return new SigningKeys(generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key: " + e.getMessage(), e);
        }
    }

    private static SigningKeys load(Path file) throws IOException, ParseException {
        return new SigningKeys(parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static RSAKey parse(String json) throws ParseException {
        JWK jwk = JWK.parse(json);
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.getKeyID() == null) {
            throw new ParseException("not an RSA private key with a kid", 0);
        }
        return rsa;
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID("key-" + UUID.randomUUID().toString().substring(0, 8))
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }

    /** Writes a temporary owner-only file, then links it into place unless a key file appeared meanwhile. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        boolean posix = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
        Path tmp = posix
                ? Files.createTempFile(file.getParent(), ".signing-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".signing-key", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            if (!posix) {
                ownerOnlyElsewhere(tmp);
            }
            try {
                Files.createLink(file, tmp); // atomic, and never replaces a key file another process wrote
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                Files.move(tmp, file); // no hard links here: a plain move, which still refuses to replace
            }
        } catch (FileAlreadyExistsException e) {
            // lost the race; the existing file wins
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void ownerOnlyElsewhere(Path file) {
        var f = file.toFile();
        boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                & f.setWritable(false, false) & f.setWritable(true, true);
        if (!ok) {
            System.getLogger(SigningKeys.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not restrict the permissions of " + file);
        }
    }

    /** The private key (signing only; never served). */
    public RSAKey privateKey() {
        return key;
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public keys as a JWK set (what {@code /token_keys} serves). */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}

package dev.capi.tck.conventions;

import dev.capi.tck.support.Json;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * Bearer tokens a Cloud Controller must refuse (401 CF-InvalidAuthToken), made from a real admin token: its claims
 * with a raised scope under the original signature (forged), its claims expired an hour ago and signed by a key the
 * server never issued under the server's key id (the kit cannot sign with the server's key), and its claims under
 * {@code "alg": "none"} with no signature.
 */
final class BadTokens {
    /** A key the server never issued. */
    private static final KeyPair STRANGER = stranger();

    private BadTokens() {
    }

    private static KeyPair stranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin's claims with one more scope, keeping the admin token's header and signature. */
    static String forged(String adminToken) {
        String[] parts = adminToken.split("\\.");
        var claims = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(decode(parts[1]));
        claims.withArray("scope").add("cloud_controller.forged");
        return parts[0] + "." + encode(claims.toString()) + "." + parts[2];
    }

    /** The admin's claims, expired an hour ago, RS256-signed with a fresh key under the server's key id. */
    static String expired(String adminToken) {
        String[] parts = adminToken.split("\\.");
        var claims = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(decode(parts[1]));
        long now = System.currentTimeMillis() / 1000;
        claims.put("iat", now - 7200).put("exp", now - 3600);
        String signingInput = parts[0] + "." + encode(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(STRANGER.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin's claims under {@code {"alg":"none"}} and an empty signature. */
    static String algNone(String adminToken) {
        String[] parts = adminToken.split("\\.");
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

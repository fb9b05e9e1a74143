package dev.capi.server.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code GET /uaa/token_keys} and {@code GET /uaa/token_key}: the public signing keys, as JWKs with UAA's extra
 * {@code alg}, {@code use} and PEM {@code value}, that verify the tokens this issuer signs.
 */
@Path("/uaa")
@Public
public final class TokenKeysResource {
    private final SigningKeys keys;

    TokenKeysResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Path("token_keys")
    public Response tokenKeys() {
        ObjectNode body = JsonSupport.object();
        var array = body.putArray("keys");
        for (JWK key : keys.publicKeys().getKeys()) {
            array.add(keyJson(key));
        }
        return UaaJson.json(200, body);
    }

    @GET
    @Path("token_key")
    public Response tokenKey() {
        return UaaJson.json(200, keyJson(keys.publicKeys().getKeys().get(0)));
    }

    private static ObjectNode keyJson(JWK key) {
        ObjectNode node = (ObjectNode) UaaJson.parse(key.toJSONString());
        node.put("alg", "RS256");
        node.put("use", "sig");
        try {
            var pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8))
                    .encodeToString(key.toRSAKey().toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----";
            node.put("value", pem);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return node;
    }
}

package dev.capi.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies bearer JWTs: RS256 signature against the issuer's keys (local, or a UAA's {@code /token_keys} fetched
 * and refetched on an unknown key id), expiry, and audience {@code cloud_controller}. The user is {@code user_id},
 * or {@code client_id} for client tokens; global rights come from {@code scope}.
 */
public final class JwtTokenVerifier implements TokenVerifier {
    private static final String AUDIENCE = "cloud_controller";

    private final Supplier<JWKSet> localKeys;
    private final URI remoteKeys;
    private final Clock clock;
    private volatile JWKSet cached;

    private JwtTokenVerifier(Supplier<JWKSet> localKeys, URI remoteKeys, Clock clock) {
        this.localKeys = localKeys;
        this.remoteKeys = remoteKeys;
        this.clock = clock;
    }

    /** Verifies against keys held in this process (the built-in issuer). */
    public static JwtTokenVerifier local(SigningKeys keys, Clock clock) {
        return new JwtTokenVerifier(keys::publicKeys, null, clock);
    }

    /** Verifies against an external UAA's token keys URL (e.g. {@code https://uaa.example.org/token_keys}). */
    public static JwtTokenVerifier remote(URI tokenKeysUrl) {
        return new JwtTokenVerifier(null, tokenKeysUrl, Clock.systemUTC());
    }

    @Override
    public Principal verify(String token) {
        JWTClaimsSet claims = verifiedClaims(token, AUDIENCE);
        try {
            String userId = claims.getStringClaim("user_id");
            String clientId = claims.getStringClaim("client_id");
            List<String> scopes = claims.getStringListClaim("scope");
            String guid = userId != null ? userId : clientId;
            if (guid == null) {
                throw invalid();
            }
            String name = userId != null ? claims.getStringClaim("user_name") : clientId;
            return new Principal(guid, name, claims.getStringClaim("origin"), clientId,
                    scopes == null ? Set.of() : new HashSet<>(scopes));
        } catch (ParseException e) {
            throw invalid();
        }
    }

    /** The claims of a token signed by a trusted key, unexpired, whose audience includes {@code audience}. */
    JWTClaimsSet verifiedClaims(String token, String audience) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw invalid();
            }
            RSAKey key = key(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(clock.instant())) {
                throw invalid();
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
                throw invalid();
            }
            return claims;
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw invalid();
        }
    }

    private RSAKey key(String kid) {
        RSAKey key = find(keys(false), kid);
        if (key == null && remoteKeys != null) {
            key = find(keys(true), kid);
        }
        return key;
    }

    private static RSAKey find(JWKSet set, String kid) {
        if (set == null) {
            return null;
        }
        for (JWK jwk : set.getKeys()) {
            if (jwk instanceof RSAKey rsa && (kid == null || kid.equals(jwk.getKeyID()))) {
                return rsa;
            }
        }
        return null;
    }

    private JWKSet keys(boolean refresh) {
        if (localKeys != null) {
            return localKeys.get();
        }
        if (cached == null || refresh) {
            cached = fetch();
        }
        return cached;
    }

    private JWKSet fetch() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(remoteKeys).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw CfException.of(CfError.UaaUnavailable);
            }
            return JWKSet.parse(r.body());
        } catch (IOException | ParseException e) {
            throw CfException.of(CfError.UaaUnavailable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CfException.of(CfError.UaaUnavailable);
        }
    }

    private static CfException invalid() {
        return CfException.of(CfError.InvalidAuthToken);
    }
}

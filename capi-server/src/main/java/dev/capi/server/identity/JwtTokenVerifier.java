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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies bearer JWTs: RS256 signature against the issuer's keys (local, or a UAA's {@code /token_keys} fetched
 * and refetched on an unknown key id), expiry, audience {@code cloud_controller}, optionally the issuer, and that it
 * is no refresh token; the user is {@code user_id}, or {@code client_id} for client tokens, scopes come from
 * {@code scope}.
 */
public final class JwtTokenVerifier implements TokenVerifier {
    /** The audience every access token for this API must carry (the reference's {@code uaa.resource_id}). */
    public static final String AUDIENCE = "cloud_controller";
    /** Unknown key ids trigger at most one refetch of remote keys per this interval. */
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

    private final Supplier<JWKSet> localKeys;
    private final URI remoteKeys;
    private final String expectedIssuer;
    private final Clock clock;
    private final HttpClient http;
    private volatile JWKSet cached;
    private volatile Instant lastFetch;

    private JwtTokenVerifier(Supplier<JWKSet> localKeys, URI remoteKeys, String expectedIssuer, Clock clock) {
        this.localKeys = localKeys;
        this.remoteKeys = remoteKeys;
        this.expectedIssuer = expectedIssuer;
        this.clock = clock;
        this.http = remoteKeys == null ? null
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Verifies against keys held in this process (the built-in issuer), any issuer. */
    public static JwtTokenVerifier local(SigningKeys keys, Clock clock) {
        return local(keys, null, clock);
    }

    /** Verifies against keys held in this process; {@code expectedIssuer} (the {@code iss} claim) unless null. */
    public static JwtTokenVerifier local(SigningKeys keys, String expectedIssuer, Clock clock) {
        return new JwtTokenVerifier(keys::publicKeys, null, expectedIssuer, clock);
    }

    /** Verifies against an external UAA's token keys URL (e.g. {@code https://uaa.example.org/token_keys}). */
    public static JwtTokenVerifier remote(URI tokenKeysUrl) {
        return remote(tokenKeysUrl, null, Clock.systemUTC());
    }

    /** Verifies against an external UAA's token keys URL; {@code expectedIssuer} unless null. */
    public static JwtTokenVerifier remote(URI tokenKeysUrl, String expectedIssuer, Clock clock) {
        return new JwtTokenVerifier(null, tokenKeysUrl, expectedIssuer, clock);
    }

    @Override
    public Principal verify(String token) {
        JWTClaimsSet claims = verifiedClaims(token, AUDIENCE);
        try {
            String jti = claims.getJWTID();
            if (jti != null && jti.endsWith(TokenIssuer.REFRESH_JTI_SUFFIX)) {
                throw invalid(); // a UAA refresh token
            }
            String userId = claims.getStringClaim("user_id");
            String clientId = claims.getStringClaim("client_id");
            String guid = userId != null ? userId : clientId;
            if (guid == null || guid.isBlank()) {
                throw invalid();
            }
            String name = userId != null ? claims.getStringClaim("user_name") : clientId;
            String origin = userId != null ? claims.getStringClaim("origin") : null;
            return new Principal(guid, name, origin, clientId, scopes(claims));
        } catch (ParseException e) {
            throw invalid();
        }
    }

    /** {@code scope} as UAA writes it (a JSON array), or a space-separated string as some issuers do. */
    private static Set<String> scopes(JWTClaimsSet claims) throws ParseException {
        Object raw = claims.getClaim("scope");
        if (raw == null) {
            return Set.of();
        }
        if (raw instanceof String s) {
            return s.isBlank() ? Set.of() : Set.of(s.trim().split("\\s+"));
        }
        List<String> list = claims.getStringListClaim("scope");
        return Set.copyOf(new ArrayList<>(list));
    }

    /** The claims of a token signed by a trusted key, unexpired, from the expected issuer, for {@code audience}. */
    JWTClaimsSet verifiedClaims(String token, String audience) {
        if (token == null || token.isBlank()) {
            throw invalid();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
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
            Date nbf = claims.getNotBeforeTime();
            if (nbf != null && nbf.toInstant().isAfter(clock.instant())) {
                throw invalid();
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
                throw invalid();
            }
            if (expectedIssuer != null && !expectedIssuer.equals(claims.getIssuer())) {
                throw invalid();
            }
            return claims;
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw invalid();
        }
    }

    private RSAKey key(String kid) {
        if (localKeys != null) {
            return find(localKeys.get(), kid);
        }
        RSAKey key = find(cached, kid);
        if (key == null) {
            key = find(refetch(), kid);
        }
        return key;
    }

    private static RSAKey find(JWKSet set, String kid) {
        if (set == null) {
            return null;
        }
        List<JWK> keys = set.getKeys();
        for (JWK jwk : keys) {
            if (jwk instanceof RSAKey rsa && kid != null && kid.equals(jwk.getKeyID())) {
                return rsa;
            }
        }
        // tokens without a kid are accepted only when the issuer has a single key (as UAA's single-key setups)
        if (kid == null && keys.size() == 1 && keys.get(0) instanceof RSAKey only) {
            return only;
        }
        return null;
    }

    /** Fetches the remote keys, unless the last fetch was too recent (unknown kids must not flood the UAA). */
    private synchronized JWKSet refetch() {
        Instant now = clock.instant();
        if (cached != null && lastFetch != null && now.isBefore(lastFetch.plus(MIN_REFETCH_INTERVAL))) {
            return cached;
        }
        JWKSet fetched = fetch();
        cached = fetched;
        lastFetch = now;
        return fetched;
    }

    private JWKSet fetch() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(remoteKeys).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
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

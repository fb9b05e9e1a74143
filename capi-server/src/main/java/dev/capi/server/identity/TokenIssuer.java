package dev.capi.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Issues RS256 access tokens with the claims UAA puts in them, and refresh tokens that are not access tokens. */
public final class TokenIssuer {
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(20);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    static final String REFRESH_AUDIENCE = "capi-refresh";
    static final String REFRESH_JTI_SUFFIX = "-r";

    private final SigningKeys keys;
    private final String issuer;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, String issuerBaseUrl, Clock clock) {
        this.keys = keys;
        this.issuer = issuerOf(issuerBaseUrl);
        this.clock = clock;
    }

    /** The {@code iss} claim of tokens issued under this base URL: {@code <base>/oauth/token}, as UAA's. */
    public static String issuerOf(String issuerBaseUrl) {
        return issuerBaseUrl.replaceAll("/+$", "") + "/oauth/token";
    }

    /** Who a token is for: a user (userGuid set) or a client alone. */
    public record Subject(String userGuid, String userName, String origin, String email, String clientId,
                          Set<String> scopes, String grantType) {
    }

    /** A signed access token for the subject, valid for {@link #ACCESS_LIFETIME}. */
    public String accessToken(Subject s) {
        Instant now = clock.instant();
        List<String> audience = new ArrayList<>(new TreeSet<>(List.of("cloud_controller", "openid", s.clientId())));
        JWTClaimsSet.Builder claims = base(s, now, ACCESS_LIFETIME)
                .audience(audience)
                .claim("scope", new ArrayList<>(new TreeSet<>(s.scopes())))
                .claim("grant_type", s.grantType());
        return sign(claims.build());
    }

    /** A signed refresh token (audience and jti mark it: never an access token), valid for {@link #REFRESH_LIFETIME}. */
    public String refreshToken(Subject s) {
        Instant now = clock.instant();
        // UAA marks refresh tokens with a "-r" jti; the audience keeps them away from the API as well
        return sign(base(s, now, REFRESH_LIFETIME)
                .jwtID(UUID.randomUUID().toString().replace("-", "") + REFRESH_JTI_SUFFIX)
                .audience(REFRESH_AUDIENCE)
                .claim("scope", new ArrayList<>(new TreeSet<>(s.scopes())))
                .claim("grant_type", "refresh_token")
                .build());
    }

    private JWTClaimsSet.Builder base(Subject s, Instant now, Duration lifetime) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString().replace("-", ""))
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("client_id", s.clientId())
                .claim("cid", s.clientId())
                .claim("azp", s.clientId())
                .claim("zid", "uaa");
        if (s.userGuid() != null) {
            b.subject(s.userGuid())
                    .claim("user_id", s.userGuid())
                    .claim("user_name", s.userName())
                    .claim("origin", s.origin())
                    .claim("email", s.email());
        } else {
            b.subject(s.clientId());
        }
        return b;
    }

    private String sign(JWTClaimsSet claims) {
        var key = keys.privateKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}

package dev.capi.server.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import dev.capi.rest.v3.support.JsonSupport;
import jakarta.ws.rs.core.Response;

import java.text.ParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The token endpoint's answer for a granted subject: access token (and refresh token where the grant gives one),
 * narrowed to a requested {@code scope} when there is one (400 invalid_scope beyond the granted scopes).
 */
final class TokenResponse {
    private final TokenIssuer issuer;

    TokenResponse(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    Response issue(TokenIssuer.Subject granted, String requestedScope, boolean withRefresh) {
        TokenIssuer.Subject subject = granted;
        if (requestedScope != null && !requestedScope.isBlank()) {
            Set<String> requested = Set.of(requestedScope.trim().split("\\s+"));
            if (!granted.scopes().containsAll(requested)) {
                Set<String> missing = new TreeSet<>(requested);
                missing.removeAll(granted.scopes());
                return UaaJson.error(400, "invalid_scope", "Invalid scope: " + String.join(" ", missing)
                        + ". Did you know that you can get default scopes by simply sending no value?");
            }
            subject = new TokenIssuer.Subject(granted.userGuid(), granted.userName(), granted.origin(),
                    granted.email(), granted.clientId(), requested, granted.grantType());
        }
        ObjectNode body = JsonSupport.object();
        String access = issuer.accessToken(subject);
        body.put("access_token", access);
        body.put("token_type", "bearer");
        if (withRefresh) {
            body.put("refresh_token", issuer.refreshToken(subject));
        }
        body.put("expires_in", TokenIssuer.ACCESS_LIFETIME.toSeconds() - 1);
        body.put("scope", String.join(" ", new TreeSet<>(subject.scopes())));
        body.put("jti", jti(access));
        return Response.fromResponse(UaaJson.json(200, body)).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").build();
    }

    private static String jti(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}

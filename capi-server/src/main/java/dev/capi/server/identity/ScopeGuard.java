package dev.capi.server.identity;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfException;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The bearer-token check of the SCIM endpoints: the token must carry one of the named scopes (or be an admin's). */
final class ScopeGuard {
    private final JwtTokenVerifier verifier;

    ScopeGuard(JwtTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Empty when the bearer token carries one of {@code scopes} (or is an admin's); else UAA's 401 or 403. */
    Optional<Response> denial(String authorization, String... scopes) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            return Optional.of(UaaJson.error(401, "unauthorized",
                    "Full authentication is required to access this resource"));
        }
        Principal principal;
        try {
            principal = verifier.verify(authorization.substring(7).trim());
        } catch (CfException e) {
            return Optional.of(UaaJson.error(401, "invalid_token", "The token is invalid"));
        }
        Set<String> held = principal.scopes();
        if (held.contains(Principal.ADMIN) || Arrays.stream(scopes).anyMatch(held::contains)) {
            return Optional.empty();
        }
        return Optional.of(UaaJson.error(403, "insufficient_scope", "Insufficient scope for this resource"));
    }
}

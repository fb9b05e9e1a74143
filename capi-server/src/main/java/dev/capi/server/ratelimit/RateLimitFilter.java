package dev.capi.server.ratelimit;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.ratelimit.RateLimitStatus;
import dev.capi.domain.ratelimit.RateLimiter;
import dev.capi.rest.v3.support.AuthenticationFilter;
import dev.capi.rest.v3.support.ErrorMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The reference's rate limiter: before authentication (so that refused and unknown requests count too), counts the
 * request against its user (a valid bearer token) or its client address, refuses it past the limit with 429
 * {@code CF-RateLimitExceeded} (or {@code CF-IPBasedRateLimitExceeded} when unauthenticated) and a
 * {@code Retry-After}, and puts {@code X-RateLimit-Limit/Remaining/Reset} on every counted response. A principal it
 * verified is left on the request for {@link AuthenticationFilter}. When the counters cannot be reached the request
 * goes through uncounted, as the reference does when Redis fails.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String STATUS = "capi.rateLimit";

    private final RateLimiter limiter;
    private final TokenVerifier verifier;
    private final Provider<Request> connection;

    @Inject
    public RateLimitFilter(RateLimiter limiter, TokenVerifier verifier, Provider<Request> connection) {
        this.limiter = limiter;
        this.verifier = verifier;
        this.connection = connection;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (!RateLimitedPaths.counted(request.getUriInfo().getPath())
                || RateLimitedPaths.basicAuthentication(authorization)) {
            return;
        }
        Principal principal = principal(request, authorization);
        Optional<RateLimitStatus> status;
        try {
            status = limiter.count(principal, ClientAddress.of(request.getHeaderString("X-Forwarded-For"), peer()));
        } catch (RuntimeException e) {
            LOG.warn("request not rate limited, the counters are unavailable: {}", e.toString());
            return;
        }
        status.ifPresent(s -> {
            request.setProperty(STATUS, s);
            if (s.exceeded()) {
                CfError kind = s.authenticated() ? CfError.RateLimitExceeded : CfError.IPBasedRateLimitExceeded;
                request.abortWith(ErrorMapper.response(kind, kind.detail()));
            }
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STATUS) instanceof RateLimitStatus status)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-RateLimit-Limit", Long.toString(status.limit()));
        headers.putSingle("X-RateLimit-Remaining", Long.toString(status.remaining()));
        headers.putSingle("X-RateLimit-Reset", Long.toString(status.resetEpochSecond()));
        if (status.exceeded()) {
            headers.putSingle("Retry-After", Long.toString(status.retryAfterSeconds()));
        }
    }

    /** The bearer token's principal, or null (no token, or one that does not verify: counted by address). */
    private Principal principal(ContainerRequestContext request, String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
            return null;
        }
        try {
            Principal principal = verifier.verify(parts[1]);
            request.setProperty(AuthenticationFilter.PRINCIPAL, principal);
            return principal;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String peer() {
        try {
            Request grizzly = connection.get();
            return grizzly == null ? null : grizzly.getRemoteAddr();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

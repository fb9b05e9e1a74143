package dev.capi.rest.v3.support;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import dev.capi.domain.users.UserRegistry;


/**
 * Authenticates matched requests (unknown routes stay 404, as in the reference): resources marked {@link Public}
 * need no token; others need a valid bearer token, then pass the scope gate (read scope for GET/HEAD, write scope
 * otherwise). The principal is kept on the request for the resources.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    public static final String PRINCIPAL = "capi.principal";

    private final TokenVerifier verifier;
    private final UserRegistry userRegistry;

    @Context
    private ResourceInfo resourceInfo;

    @Inject
    public AuthenticationFilter(TokenVerifier verifier, UserRegistry userRegistry) {
        this.verifier = verifier;
        this.userRegistry = userRegistry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean isPublic = resourceInfo != null && resourceInfo.getResourceMethod() != null
                && (resourceInfo.getResourceMethod().isAnnotationPresent(Public.class)
                || resourceInfo.getResourceClass().isAnnotationPresent(Public.class));
        String header = request.getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            if (isPublic) {
                return;
            }
            throw CfException.of(CfError.NotAuthenticated);
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
            if (isPublic) {
                return;
            }
            throw CfException.of(CfError.InvalidAuthToken);
        }
        Principal principal;
        try {
            principal = verified(request, parts[1]);
        } catch (CfException e) {
            if (isPublic) {
                return;
            }
            throw e;
        }
        request.setProperty(PRINCIPAL, principal);
        if (isPublic) {
            return;
        }
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        boolean allowed = read ? principal.hasReadScope() || extraReadScope(principal) : principal.hasWriteScope();
        if (!allowed) {
            throw CfException.notAuthorized();
        }
        rememberUser(principal);
    }

    /** The principal an earlier filter (the rate limiter) verified from this request's token, or a fresh check. */
    private Principal verified(ContainerRequestContext request, String token) {
        return request.getProperty(PRINCIPAL) instanceof Principal known ? known : verifier.verify(token);
    }

    private boolean extraReadScope(Principal principal) {
        return resourceInfo.getResourceMethod().isAnnotationPresent(AlsoReadableWith.class)
                && principal.scopes().contains(resourceInfo.getResourceMethod().getAnnotation(AlsoReadableWith.class).value());
    }

    /** The reference creates the user row on first sight of a token; one indexed read per request. */
    private void rememberUser(Principal principal) {
        userRegistry.ensure(principal);
    }
}

package dev.capi.server.identity;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

import java.util.List;

/**
 * The UAA subset clients use, served under {@code /uaa} as one JAX-RS feature: the token endpoint and its grants,
 * the token keys, the login info, and the SCIM user calls. Errors are UAA's, not the V3 document.
 *
 * <p>The resources are built here with plain constructors; Jersey gets their classes, and each class is bound to
 * its one instance (registering resource instances directly makes Jersey warn that they "will be ignored").
 */
public final class UaaEndpoints implements Feature {
    private final List<Object> resources;

    UaaEndpoints(BuiltInIdentityProvider idp, SigningKeys keys, String baseUrl) {
        TokenResponse tokens = new TokenResponse(idp.issuer());
        ScopeGuard scopes = new ScopeGuard(idp.verifier());
        this.resources = List.of(
                new TokenGrantsResource(idp.clients(), List.of(new PasswordGrant(idp.accounts(), tokens),
                        new ClientCredentialsGrant(tokens),
                        new RefreshTokenGrant(idp.accounts(), idp.verifier(), tokens))),
                new TokenKeysResource(keys),
                new UaaInfoResource(baseUrl),
                new ScimUsersResource(idp, idp.accounts(), scopes),
                new ScimUserSearchResource(idp.accounts(), scopes));
    }

    @Override
    public boolean configure(FeatureContext context) {
        resources.forEach(resource -> context.register(resource.getClass()));
        context.register(new AbstractBinder() {
            @Override
            protected void configure() {
                resources.forEach(this::bindInstance);
            }

            @SuppressWarnings("unchecked")
            private <T> void bindInstance(T resource) {
                bind(resource).to((Class<T>) resource.getClass());
            }
        });
        return true;
    }
}

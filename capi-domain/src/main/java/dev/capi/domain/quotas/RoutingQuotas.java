package dev.capi.domain.quotas;

import dev.capi.domain.routes.RouteQuotas;
import dev.capi.model.Organization;
import dev.capi.model.Space;

import java.util.function.Consumer;

/**
 * The quotas routing answers to: a new route counts against its space's and organization's route (and reserved
 * port) limits; a new private domain against its organization's private domain limit.
 */
public final class RoutingQuotas implements RouteQuotas, Consumer<Organization> {
    private final QuotaGuard guard;
    private final QuotaScopes scopes;

    public RoutingQuotas(QuotaGuard guard, QuotaScopes scopes) {
        this.guard = guard;
        this.scopes = scopes;
    }

    @Override
    public void checkCreate(Organization organization, Space space, boolean reservesPort) {
        guard.checkRoute(scopes.forSpace(space.guid()), reservesPort);
    }

    /** One more private domain for {@code organization}. */
    @Override
    public void accept(Organization organization) {
        guard.checkPrivateDomains(scopes.forOrganization(organization.guid()), 1);
    }
}

package dev.capi.domain.routes;

import dev.capi.model.Organization;
import dev.capi.model.Space;

/**
 * Hook: the organization and space quotas' {@code total_routes} and {@code total_reserved_ports}, asked before a
 * route is created (inside its transaction). Throw the reference's 422 ("Routes quota exceeded for organization
 * 'o'.", "Reserved route ports quota exceeded for space 's'.") to refuse. Until a quota service is wired, routes are
 * unlimited.
 */
@FunctionalInterface
public interface RouteQuotas {
    void checkCreate(Organization organization, Space space, boolean reservesPort);

    static RouteQuotas unlimited() {
        return (organization, space, reservesPort) -> { };
    }
}

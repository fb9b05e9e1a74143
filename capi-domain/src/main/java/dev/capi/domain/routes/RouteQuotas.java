package dev.capi.domain.routes;

import dev.capi.model.Organization;
import dev.capi.model.Space;

/**
 * The organization and space quotas' {@code total_routes} and {@code total_reserved_ports}, asked before a route is
 * created (inside its transaction); the assembly answers with the quota guard, which throws the reference's 422
 * ("Routes quota exceeded for organization 'o'.", "Reserved route ports quota exceeded for space 's'.").
 */
@FunctionalInterface
public interface RouteQuotas {
    void checkCreate(Organization organization, Space space, boolean reservesPort);

    static RouteQuotas unlimited() {
        return (organization, space, reservesPort) -> { };
    }
}

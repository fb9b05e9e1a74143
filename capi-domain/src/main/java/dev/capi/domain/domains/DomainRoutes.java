package dev.capi.domain.domains;

/** Port: what domains need to know of the routes under them (implemented by the routes' repository). */
public interface DomainRoutes {
    /** Whether a route with this host exists under the domain named {@code domainName}. */
    boolean hostExistsUnder(String domainName, String host);

    /** Whether a route with exactly this host, path and port (0 or null: none) exists in the domain. */
    boolean exists(String domainGuid, String host, String path, Integer port);

    /** Whether some route of the domain belongs to a space of the organization. */
    boolean domainUsedInOrganization(String domainGuid, String organizationGuid);
}

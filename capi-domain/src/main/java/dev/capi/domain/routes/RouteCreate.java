package dev.capi.domain.routes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.domains.DomainNames;
import dev.capi.domain.domains.RouterGroup;
import dev.capi.domain.errors.CfException;
import dev.capi.model.AuditEvent;
import dev.capi.model.Domain;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Route;
import dev.capi.model.Space;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a route: the reference's permission order (flag, then 422 for a missing space or domain, then 403 unless
 * the principal manages apps in the space, even for non-members), then its model validations with their texts and
 * precedence (domain, quota, options, host, path, port), a random port for TCP domains when none was asked for.
 */
public final class RouteCreate {
    private final RoutingContext c;

    public RouteCreate(RoutingContext c) {
        this.c = c;
    }

    /** The command is asked for after the {@code route_creation} flag check, in the reference's order. */
    public RouteDetails create(Permissions perms, java.util.function.Supplier<RouteCommands.Create> command) {
        if (!perms.canWriteGlobally()) {
            c.flags().require("route_creation");
        }
        RouteCommands.Create cmd = command.get();
        return c.tx().inTransaction(() -> {
            Space space = c.spaces().find(cmd.spaceGuid()).orElseThrow(() -> CfException.unprocessable(
                    "Invalid space. Ensure that the space exists and you have access to it."));
            Domain domain = c.domains().find(cmd.domainGuid()).orElseThrow(() -> CfException.unprocessable(
                    "Invalid domain. Ensure that the domain exists and you have access to it."));
            if (!perms.canManageApps(space.guid())) {
                throw CfException.notAuthorized();
            }
            Organization org = c.organizations().find(space.organizationGuid())
                    .orElseThrow(() -> CfException.notFound("Organization"));
            RouteAccess.requireWritable(perms, space, org);
            if (domain.isShared() && cmd.wildcard() && !perms.canWriteGlobally()) {
                throw CfException.unprocessable("You do not have sufficient permissions to create a route with a "
                        + "wildcard host on a domain not scoped to an organization.");
            }
            Optional<RouterGroup> routerGroup = routerGroup(domain);
            String host = cmd.host() == null ? "" : cmd.host();
            String path = cmd.path() == null ? "" : cmd.path();
            Integer port = port(cmd, domain, routerGroup);
            Map<String, String> options = cmd.options() == null ? Map.of() : RouteOptions.normalize(cmd.options());
            validate(domain, routerGroup, space, org, host, path, port, options);
            Instant now = c.now();
            Route route = new Route(c.guids().next(), now, now, host, path, port, domain.guid(), space.guid(),
                    options, Metadata.empty());
            c.routes().insert(route);
            Route stored = route.withMetadata(c.metadata().apply(route.guid(), "route", Metadata.empty(),
                    cmd.metadata()));
            c.audit().record("audit.route.create", perms.principal(),
                    new AuditEvent.Target(route.guid(), "route", host), space.guid(), org.guid(),
                    Map.of("request", cmd.auditRequest()));
            return new RouteDetails(stored, domain, List.of());
        });
    }

    private Optional<RouterGroup> routerGroup(Domain domain) {
        if (domain.routerGroupGuid() == null) {
            return Optional.empty();
        }
        Optional<RouterGroup> group = c.routerGroups().find(domain.routerGroupGuid());
        if (group.isEmpty()) {
            throw CfException.unprocessable(
                    "Route could not be created because the specified domain does not have a valid router group.");
        }
        return group;
    }

    private Integer port(RouteCommands.Create cmd, Domain domain, Optional<RouterGroup> group) {
        if (!cmd.portGiven() && domain.isTcp() && group.isPresent()) {
            List<Integer> used = c.routes().portsInRouterGroup(domain.routerGroupGuid());
            List<Integer> available = new ArrayList<>();
            for (RouterGroup.PortRange r : group.get().reservablePorts()) {
                for (int p = r.from(); p <= r.to(); p++) {
                    if (!used.contains(p)) {
                        available.add(p);
                    }
                }
            }
            if (available.isEmpty()) {
                throw CfException.unprocessable("There are no more ports available for this domain.");
            }
            return available.get(c.random().nextInt(available.size()));
        }
        return cmd.port() == null || cmd.port() == 0 ? null : cmd.port();
    }

    private void validate(Domain domain, Optional<RouterGroup> group, Space space, Organization org, String host,
                          String path, Integer port, Map<String, String> options) {
        if (!domain.usableBy(org.guid())) {
            fail("Invalid domain. Domain '" + domain.name() + "' is not available in organization '" + org.name()
                    + "'.");
        }
        c.quotas().checkCreate(org, space, port != null);
        String hashProblem = RouteOptions.hashHeaderProblem(options);
        if (hashProblem != null) {
            fail(hashProblem);
        }
        boolean tcp = domain.isTcp();
        // host
        if (!host.isEmpty() && !c.domains().findByNames(List.of(host + "." + domain.name())).isEmpty()) {
            fail("Route conflicts with domain '" + host + "." + domain.name() + "'.");
        }
        if (!host.isEmpty() && !host.matches("\\A([\\w-]+|\\*)\\z")) {
            fail("Host format is invalid.");
        }
        if (domain.internal() && "*".equals(host)) {
            fail("Wildcard hosts are not supported for internal domains.");
        }
        if (domain.isShared() && !tcp && host.isBlank()) {
            fail("Missing host. Routes in shared domains must have a host defined.");
        }
        if ((host.isEmpty() ? 0 : host.length() + 1) + domain.name().length() > DomainNames.MAXIMUM_FQDN_LENGTH) {
            fail("Host combined with domain name must be no more than 253 characters.");
        }
        if (path.isEmpty() && port == null && c.routes().exists(domain.guid(), host, "", null)) {
            fail(host.isEmpty() ? "Route already exists for domain '" + domain.name() + "'."
                    : "Route already exists with host '" + host + "' for domain '" + domain.name() + "'.");
        }
        if (domain.isShared() && port == null && c.routes().hostTakenInOtherSpace(domain.guid(), host, space.guid())) {
            fail("Route already exists with host '" + host + "' for domain '" + domain.name() + "'.");
        }
        if (tcp && !host.isBlank()) {
            fail("Hosts are not supported for TCP routes.");
        }
        if (tcp && !path.isBlank()) {
            fail("Paths are not supported for TCP routes.");
        }
        // path
        if (domain.internal() && !path.isEmpty()) {
            fail("Paths are not supported for internal domains.");
        }
        if (!path.isEmpty()) {
            pathProblem(host, path).ifPresent(RouteCreate::fail);
        }
        if (!path.isEmpty() && port == null && c.routes().exists(domain.guid(), host, path, null)) {
            fail(host.isEmpty() ? "Route already exists with path '" + path + "' for domain '" + domain.name() + "'."
                    : "Route already exists with host '" + host + "' and path '" + path + "' for domain '"
                    + domain.name() + "'.");
        }
        // port
        if (tcp) {
            if (port == null) {
                fail("Routes with protocol 'tcp' must specify a port.");
            }
            if (group.isPresent() && !group.get().reservable(port)) {
                fail("Port '" + port + "' is not available. Try a different port or use a different domain.");
            }
            if (path.isEmpty() && c.routes().exists(domain.guid(), host, "", port)) {
                fail("Route already exists with port '" + port + "' for domain '" + domain.name() + "'.");
            }
            if (c.routes().portTaken(domain.routerGroupGuid(), port)) {
                fail("Port '" + port + "' is not available. Try a different port or use a different domain.");
            }
        } else if (port != null) {
            fail("Routes with protocol 'http' do not support ports.");
        }
    }

    /** The reference's path rules after the message's (a parseable URI path, not "/", a leading "/", no "?"). */
    static Optional<String> pathProblem(String host, String path) {
        try {
            URI uri = new URI("pathcheck://" + (host.isEmpty() || "*".equals(host) ? "h" : host) + path);
            if (uri.getRawPath() == null) {
                return Optional.of("Path is invalid.");
            }
        } catch (URISyntaxException e) {
            return Optional.of("Path is invalid.");
        }
        if (path.length() > 128) {
            return Optional.of("Path exceeds 128 characters.");
        }
        if (path.equals("/")) {
            return Optional.of("Path cannot be a single '/'.");
        }
        if (path.charAt(0) != '/') {
            return Optional.of("Path is missing the beginning '/'.");
        }
        if (path.contains("?")) {
            return Optional.of("Path cannot contain '?'.");
        }
        return Optional.empty();
    }

    private static void fail(String message) {
        throw CfException.unprocessable(message);
    }
}

package dev.capi.model;

import java.time.Instant;
import java.util.Map;

/**
 * A route: host (empty for none), path (empty for none) and port (null for none) under a domain, owned by a space;
 * {@code options} are the route's load-balancing options (string values, insertion order), null when never set.
 */
public record Route(String guid, Instant createdAt, Instant updatedAt, String host, String path, Integer port,
                    String domainGuid, String spaceGuid, Map<String, String> options, Metadata metadata) {
    public Route {
        options = options == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    public Route withMetadata(Metadata m) {
        return new Route(guid, createdAt, updatedAt, host, path, port, domainGuid, spaceGuid, options, m);
    }

    public Route withOptions(Map<String, String> o, Instant at) {
        return new Route(guid, createdAt, at, host, path, port, domainGuid, spaceGuid, o, metadata);
    }

    public Route withSpace(String space, Instant at) {
        return new Route(guid, createdAt, at, host, path, port, domainGuid, space, options, metadata);
    }

    /** The reference's {@code uri}: fqdn, path and {@code :port}. */
    public String uri(String domainName) {
        String fqdn = host.isEmpty() ? domainName : host + "." + domainName;
        return fqdn + path + (port != null ? ":" + port : "");
    }

    /** The presented {@code url}: {@code domain:port} for TCP routes, else host, domain and path. */
    public String url(String domainName) {
        if (port != null && port > 0) {
            return domainName + ":" + port;
        }
        return (host.isEmpty() ? domainName : host + "." + domainName) + path;
    }
}

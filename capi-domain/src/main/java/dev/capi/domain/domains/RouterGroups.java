package dev.capi.domain.domains;

import java.util.List;
import java.util.Optional;

/**
 * Port: the routing tier's router groups (the reference's Routing API client). The standalone server offers one
 * built-in TCP group; an embedding platform hands over its own.
 */
public interface RouterGroups {
    /** The guid of the built-in {@code default-tcp} router group. */
    String DEFAULT_TCP_GUID = "7c9e4a5e-2b1f-4e3c-9d1a-0d3e5f6a7b8c";

    Optional<RouterGroup> find(String guid);

    /** A fixed set of router groups. */
    static RouterGroups of(List<RouterGroup> groups) {
        List<RouterGroup> copy = List.copyOf(groups);
        return guid -> copy.stream().filter(g -> g.guid().equals(guid)).findFirst();
    }

    /** The built-in {@code default-tcp} group reserving ports 1024-1033, as a fresh CF deployment has. */
    static RouterGroups builtIn() {
        return of(List.of(new RouterGroup(DEFAULT_TCP_GUID, "default-tcp", "tcp",
                List.of(new RouterGroup.PortRange(1024, 1033)))));
    }
}

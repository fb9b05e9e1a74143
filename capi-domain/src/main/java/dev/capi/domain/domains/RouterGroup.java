package dev.capi.domain.domains;

import java.util.List;

/**
 * A router group of the routing tier (the reference asks the Routing API): its guid, name, type ({@code tcp} or
 * {@code http}) and the ports TCP routes may reserve, as inclusive ranges.
 */
public record RouterGroup(String guid, String name, String type, List<PortRange> reservablePorts) {
    public RouterGroup {
        reservablePorts = List.copyOf(reservablePorts);
    }

    /** An inclusive port range. */
    public record PortRange(int from, int to) {
    }

    public boolean reservable(int port) {
        return reservablePorts.stream().anyMatch(r -> port >= r.from() && port <= r.to());
    }

    /** Parses the Routing API's {@code reservable_ports} text, e.g. {@code "1024-1033,2000"}. */
    public static List<PortRange> parsePorts(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            int dash = s.indexOf('-');
            return dash < 0 ? new PortRange(Integer.parseInt(s), Integer.parseInt(s))
                    : new PortRange(Integer.parseInt(s.substring(0, dash).trim()),
                    Integer.parseInt(s.substring(dash + 1).trim()));
        }).toList();
    }
}

package dev.capi.domain.securitygroups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference's {@code CloudController::RuleValidator} helpers: parsing a destination's address or address range
 * (IPv6 only when enabled), the leading-zero check, and the model's own destination check.
 */
final class Destinations {
    private final boolean ipv6;
    private final boolean commaDelimited;

    Destinations(boolean ipv6, boolean commaDelimited) {
        this.ipv6 = ipv6;
        this.commaDelimited = commaDelimited;
    }

    boolean ipv6Enabled() {
        return ipv6;
    }

    boolean commaDelimited() {
        return commaDelimited;
    }

    /** {@code parse_ip(value)}: an IPv4 address or CIDR, else (when enabled) an IPv6 one. */
    Optional<IpAddr.Address> parse(String value) {
        Optional<IpAddr.Address> v4 = IpAddr.parse(value).filter(a -> a.family() == 4);
        if (v4.isPresent() || !ipv6) {
            return v4;
        }
        return IpAddr.parse(value).filter(a -> a.family() == 6);
    }

    /** {@code parse_ip([a, b])}: both plain addresses (no prefix) of one family, IPv4 first. */
    Optional<List<IpAddr.Address>> parseRange(List<String> ends) {
        Optional<List<IpAddr.Address>> v4 = range(ends, 4);
        if (v4.isPresent() || !ipv6) {
            return v4;
        }
        return range(ends, 6);
    }

    private static Optional<List<IpAddr.Address>> range(List<String> ends, int family) {
        List<IpAddr.Address> parsed = new ArrayList<>();
        for (String end : ends) {
            if (end.contains("/")) {
                return Optional.empty();
            }
            Optional<IpAddr.Address> a = IpAddr.parse(end).filter(x -> x.family() == family);
            if (a.isEmpty()) {
                return Optional.empty();
            }
            parsed.add(a.get());
        }
        return Optional.of(parsed);
    }

    /** {@code no_leading_zeros}: no IPv4 octet (before an optional prefix) starts with a zero. */
    static boolean noLeadingZeros(List<String> addresses) {
        return addresses.stream().allMatch(Destinations::noLeadingZeros);
    }

    private static boolean noLeadingZeros(String address) {
        if (!address.contains(".")) {
            return true;
        }
        for (String octet : RubyStrings.split(address, ".", 0)) {
            if (octet.startsWith("0") && octet.length() > 1) {
                List<String> parts = RubyStrings.split(octet, "/", 0);
                if (parts.size() < 2) {
                    return false;
                }
                if (parts.get(0).length() > 1 && parts.get(0).startsWith("0")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The model's {@code validate_destination_type && validate_destination}. */
    boolean validForModel(String destination) {
        if (destination.isEmpty() || destination.chars().anyMatch(RubyStrings::isSpace)) {
            return false;
        }
        return validForModelRecursive(destination);
    }

    private boolean validForModelRecursive(String destination) {
        int comma = destination.indexOf(',');
        if (comma >= 0) {
            if (!commaDelimited) {
                return false;
            }
            return validForModelRecursive(destination.substring(0, comma))
                    && validForModelRecursive(destination.substring(comma + 1));
        }
        List<String> ends = RubyStrings.split(destination, "-", 0);
        if (ends.size() == 1) {
            return parse(ends.get(0)).isPresent();
        }
        if (ends.size() == 2) {
            return parseRange(ends).filter(ips -> ips.get(0).compareTo(ips.get(1)) <= 0).isPresent();
        }
        return false;
    }
}

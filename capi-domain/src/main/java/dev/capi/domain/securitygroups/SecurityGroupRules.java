package dev.capi.domain.securitygroups;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's two checks of security group rules. {@link #messageProblems} is the request message's
 * {@code RulesValidator} ("Rules[0]: protocol must be ..."); {@link #modelProblems} is the model's own validation
 * that runs when the group is saved ("rules rule number 1 contains invalid destination"). Rules are plain JSON
 * values: maps, lists, strings, numbers, booleans and nulls; a Ruby-falsy value is null or false.
 */
public final class SecurityGroupRules {
    static final int MAX_DESTINATIONS_PER_RULE = 6000;
    private static final List<String> ALLOWED_KEYS =
            List.of("code", "description", "destination", "log", "ports", "protocol", "type");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "icmpv6", "all");
    private static final Pattern PORT_CHARACTERS = Pattern.compile("[^0-9\\s\\-,]");
    private static final Pattern PORT_RANGE = Pattern.compile("\\A\\s*([0-9]+)\\s*-\\s*([0-9]+)\\s*\\z");
    private static final Pattern SINGLE_PORT = Pattern.compile("\\A\\s*([0-9]+)\\s*\\z");

    private final Destinations destinations;

    public SecurityGroupRules(boolean enableIpv6, boolean commaDelimitedDestinations) {
        this.destinations = new Destinations(enableIpv6, commaDelimitedDestinations);
    }

    /** The request message's problems with {@code rules} (any JSON value), in the reference's order and words. */
    public List<String> messageProblems(Object rules) {
        List<String> problems = new ArrayList<>();
        if (!(rules instanceof List<?> list)) {
            problems.add("Rules must be an array");
            return problems;
        }
        for (int i = 0; i < list.size(); i++) {
            new MessageCheck(i, problems).check(list.get(i));
        }
        return problems;
    }

    /** The model's problems with rules that passed {@link #messageProblems}, as Sequel words them. */
    public List<String> modelProblems(List<Map<String, Object>> rules) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            for (String error : modelErrors(rules.get(i))) {
                problems.add("rules rule number " + (i + 1) + " " + error);
            }
        }
        return problems;
    }

    /** One rule of the request message, reporting as "Rules[i]: ...". */
    private final class MessageCheck {
        private final int index;
        private final List<String> problems;

        MessageCheck(int index, List<String> problems) {
            this.index = index;
            this.problems = problems;
        }

        private void add(String message) {
            problems.add("Rules[" + index + "]: " + message);
        }

        void check(Object value) {
            if (!(value instanceof Map<?, ?> rule)) {
                add("must be an object");
                return;
            }
            List<String> unknown = rule.keySet().stream().map(String::valueOf)
                    .filter(k -> !ALLOWED_KEYS.contains(k)).toList();
            if (!unknown.isEmpty()) {
                add("unknown field(s): " + RubyStrings.inspect(unknown));
            }
            Object protocol = rule.get("protocol");
            if (!(protocol instanceof String p) || !PROTOCOLS.contains(p)) {
                add("protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'");
            }
            Object destination = rule.get("destination");
            if (destinationTypeValid(destination)) {
                List<String> all = RubyStrings.split((String) destination, ",", -1);
                if (all.size() > MAX_DESTINATIONS_PER_RULE) {
                    add("maximum destinations per rule exceeded - must be under " + MAX_DESTINATIONS_PER_RULE);
                }
                for (String d : all) {
                    destination(d, protocol, allowedIpVersion(protocol));
                }
            }
            if (truthy(rule.get("description")) && !(rule.get("description") instanceof String)) {
                add("description must be a string");
            }
            if (truthy(rule.get("log")) && !(rule.get("log") instanceof Boolean)) {
                add("log must be a boolean");
            }
            protocolSpecific(rule, protocol);
        }

        private boolean destinationTypeValid(Object destination) {
            String invalid = destinations.commaDelimited()
                    ? "nil destination; destination must be a comma-delimited list of valid CIDRs, IP addresses, or "
                    + "IP address ranges"
                    : "destination must be a valid CIDR, IP address, or IP address range";
            if (destination == null) {
                add(invalid);
                return false;
            }
            if (!(destination instanceof String d)) {
                add("destination must be a string");
                return false;
            }
            if (d.chars().anyMatch(RubyStrings::isSpace)) {
                add("destination must not contain whitespace");
                return false;
            }
            if (!destinations.commaDelimited() && d.contains(",")) {
                add(invalid);
                return false;
            }
            return true;
        }

        private void destination(String destination, Object protocol, Integer allowedVersion) {
            String invalid = destinations.commaDelimited()
                    ? "destination must contain valid CIDR(s), IP address(es), or IP address range(s)"
                    : "destination must be a valid CIDR, IP address, or IP address range";
            if (destination.isEmpty()) {
                add("empty destination specified in comma-delimited list");
            }
            List<String> addresses = RubyStrings.split(destination, "-", 0);
            boolean noLeadingZeros = Destinations.noLeadingZeros(addresses);
            if (!noLeadingZeros) {
                add("destination octets cannot contain leading zeros");
            }
            if (addresses.size() == 1) {
                Optional<IpAddr.Address> parsed = destinations.parse(addresses.get(0));
                if (parsed.isEmpty() && noLeadingZeros) {
                    add(invalid);
                }
                parsed.filter(a -> allowedVersion != null && a.family() != allowedVersion).ifPresent(a ->
                        add("for protocol \"" + protocol + "\" you cannot use IPv" + a.family() + " addresses"));
            } else if (addresses.size() == 2) {
                Optional<List<IpAddr.Address>> range = destinations.parseRange(addresses);
                if (range.isEmpty()) {
                    add("destination IP address range is invalid");
                    return;
                }
                IpAddr.Address first = range.get().get(0);
                IpAddr.Address last = range.get().get(1);
                if (first.compareTo(last) > 0) {
                    add("beginning of IP address range is numerically greater than the end of its range "
                            + "(range endpoints are inverted)");
                }
                if (allowedVersion != null && first.family() != allowedVersion) {
                    add("for protocol \"" + protocol + "\" you cannot use IPv" + first.family() + " addresses");
                }
            } else {
                add(invalid);
            }
        }

        private void protocolSpecific(Map<?, ?> rule, Object protocol) {
            if (!(protocol instanceof String p)) {
                return;
            }
            switch (p) {
                case "tcp", "udp" -> {
                    if (!truthy(rule.get("ports"))) {
                        add("ports are required for protocols of type TCP and UDP");
                    }
                    if (!(rule.get("ports") instanceof String ports) || !validPorts(ports)) {
                        add("ports must be a valid single port, comma separated list of ports, or range or ports, "
                                + "formatted as a string");
                    }
                }
                case "icmp" -> icmp(rule);
                case "icmpv6" -> {
                    if (!destinations.ipv6Enabled()) {
                        add("icmpv6 cannot be used if enable_ipv6 is false");
                    }
                    icmp(rule);
                }
                case "all" -> {
                    if (truthy(rule.get("ports"))) {
                        add("ports are not allowed for protocols of type all");
                    }
                }
                default -> {
                }
            }
        }

        private void icmp(Map<?, ?> rule) {
            if (!truthy(rule.get("code"))) {
                add("code is required for protocols of type ICMP");
            }
            if (!validIcmp(rule.get("code"))) {
                add("code must be an integer between -1 and 255 (inclusive)");
            }
            if (!truthy(rule.get("type"))) {
                add("type is required for protocols of type ICMP");
            }
            if (!validIcmp(rule.get("type"))) {
                add("type must be an integer between -1 and 255 (inclusive)");
            }
        }
    }

    private static Integer allowedIpVersion(Object protocol) {
        if ("icmp".equals(protocol)) {
            return 4;
        }
        return "icmpv6".equals(protocol) ? 6 : null;
    }

    private List<String> modelErrors(Map<String, Object> rule) {
        Object protocol = rule.get("protocol");
        List<String> required;
        if ("tcp".equals(protocol) || "udp".equals(protocol)) {
            required = List.of("protocol", "destination", "ports");
        } else if ("icmp".equals(protocol) || "icmpv6".equals(protocol)) {
            required = List.of("protocol", "destination", "code", "type");
        } else if ("all".equals(protocol)) {
            required = List.of("protocol", "destination");
        } else {
            return List.of("contains an unsupported protocol");
        }
        List<String> errors = new ArrayList<>();
        for (String field : required) {
            if (!rule.containsKey(field)) {
                errors.add("missing required field '" + field + "'");
            }
        }
        for (String key : rule.keySet()) {
            if (!required.contains(key) && !key.equals("log") && !key.equals("description")) {
                errors.add("contains the invalid field '" + key + "'");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!(rule.get("destination") instanceof String destination) || !destinations.validForModel(destination)) {
            errors.add("contains invalid destination");
        }
        if (rule.containsKey("log") && !(rule.get("log") instanceof Boolean)) {
            errors.add("contains invalid log value");
        }
        if (rule.containsKey("description") && !(rule.get("description") instanceof String)) {
            errors.add("contains invalid description");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (required.contains("ports") && !(rule.get("ports") instanceof String ports && validPorts(ports))) {
            errors.add("contains invalid ports");
        }
        if (required.contains("type")) {
            if (!validIcmp(rule.get("type"))) {
                errors.add("contains invalid type");
            }
            if (!validIcmp(rule.get("code"))) {
                errors.add("contains invalid code");
            }
        }
        return errors;
    }

    /** {@code TransportRuleValidator.validate_port}: one port, a comma list, or an ascending range, all 1..65535. */
    static boolean validPorts(String ports) {
        if (PORT_CHARACTERS.matcher(ports).find()) {
            return false;
        }
        Matcher range = PORT_RANGE.matcher(ports);
        if (range.matches()) {
            BigInteger left = new BigInteger(range.group(1));
            BigInteger right = new BigInteger(range.group(2));
            return left.compareTo(right) < 0 && portInRange(left) && portInRange(right);
        }
        List<String> list = RubyStrings.split(ports, ",", 0);
        if (list.isEmpty()) {
            return false;
        }
        for (String p : list) {
            Matcher single = SINGLE_PORT.matcher(p);
            if (!single.matches() || !portInRange(new BigInteger(single.group(1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean portInRange(BigInteger port) {
        return port.signum() > 0 && port.compareTo(BigInteger.valueOf(65536)) < 0;
    }

    /** {@code validate_icmp_control_message}: an integer (not a float) from -1 to 255. */
    static boolean validIcmp(Object value) {
        BigInteger n;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            n = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            n = b;
        } else {
            return false;
        }
        return n.compareTo(BigInteger.valueOf(-1)) >= 0 && n.compareTo(BigInteger.valueOf(256)) < 0;
    }

    private static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }
}

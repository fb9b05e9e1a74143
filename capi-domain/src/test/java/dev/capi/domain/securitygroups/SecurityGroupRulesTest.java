package dev.capi.domain.securitygroups;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference's rule validator spec, case by case, plus the model's second check. */
class SecurityGroupRulesTest {
    private static final SecurityGroupRules IPV4 = new SecurityGroupRules(false, false);
    private static final SecurityGroupRules IPV4_LISTS = new SecurityGroupRules(false, true);
    private static final SecurityGroupRules IPV6 = new SecurityGroupRules(true, false);
    private static final SecurityGroupRules IPV6_LISTS = new SecurityGroupRules(true, true);
    private static final String INVALID = "Rules[0]: destination must be a valid CIDR, IP address, or IP address range";
    private static final String INVALID_IN_LIST =
            "Rules[0]: destination must contain valid CIDR(s), IP address(es), or IP address range(s)";

    static Map<String, Object> rule(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> problems(SecurityGroupRules rules, Object... ruleList) {
        return rules.messageProblems(List.of(ruleList));
    }

    static Map<String, Object> udp(String destination) {
        return rule("protocol", "udp", "destination", destination, "ports", "8080");
    }

    @Nested
    class Shape {
        @Test
        void anEmptyListIsValid() {
            assertThat(IPV4.messageProblems(List.of())).isEmpty();
        }

        @Test
        void rulesMustBeAnArray() {
            assertThat(IPV4.messageProblems("bad")).containsExactly("Rules must be an array");
            assertThat(IPV4.messageProblems(null)).containsExactly("Rules must be an array");
            assertThat(IPV4.messageProblems(Map.of())).containsExactly("Rules must be an array");
        }

        @Test
        void everyInvalidRuleIsReportedByIndex() {
            assertThat(problems(IPV4, rule("protocol", "blah"), rule("protocol", "blah"))).containsExactly(
                    "Rules[0]: protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'", INVALID,
                    "Rules[1]: protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'",
                    INVALID.replace("[0]", "[1]"));
        }

        @Test
        void aRuleMustBeAnObject() {
            assertThat(problems(IPV4, "x")).containsExactly("Rules[0]: must be an object");
        }

        @Test
        void unknownKeysAreListedAsARubyArray() {
            assertThat(problems(IPV4, rule("protocol", "all", "destination", "1.2.3.4", "blork", 1, "blark", 2)))
                    .containsExactly("Rules[0]: unknown field(s): [\"blork\", \"blark\"]");
        }

        @Test
        void descriptionAndLogTypes() {
            assertThat(problems(IPV4, rule("protocol", "all", "destination", "1.2.3.4", "description", 5,
                    "log", "yes"))).containsExactly("Rules[0]: description must be a string",
                    "Rules[0]: log must be a boolean");
            assertThat(problems(IPV4, rule("protocol", "all", "destination", "1.2.3.4", "description", "d",
                    "log", true))).isEmpty();
            assertThat(problems(IPV4, rule("protocol", "all", "destination", "1.2.3.4", "description", false,
                    "log", false))).as("Ruby-falsy values are not checked").isEmpty();
        }
    }

    @Nested
    class Protocols {
        @ParameterizedTest
        @ValueSource(strings = {"arp", "TCP", ""})
        void unknownProtocols(String protocol) {
            assertThat(problems(IPV4, rule("protocol", protocol, "destination", "1.2.3.4")))
                    .containsExactly("Rules[0]: protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'");
        }

        @Test
        void protocolMustBeAString() {
            assertThat(problems(IPV4, rule("protocol", 4, "destination", "1.2.3.4")))
                    .containsExactly("Rules[0]: protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'");
            assertThat(problems(IPV4, rule("protocol", null, "destination", "1.2.3.4")))
                    .containsExactly("Rules[0]: protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'");
        }

        @Test
        void eachProtocolWithItsFields() {
            assertThat(problems(IPV4, rule("protocol", "tcp", "destination", "10.10.10.0/24", "ports", "8080"),
                    rule("protocol", "udp", "destination", "10.10.10.0/24", "ports", "8080"),
                    rule("protocol", "icmp", "destination", "10.10.10.0/24", "type", -1, "code", 255),
                    rule("protocol", "all", "destination", "10.10.10.0/24", "ports", null))).isEmpty();
        }
    }

    @Nested
    class Ports {
        @ParameterizedTest
        @ValueSource(strings = {"8080", "3000,8888", "4000-5000", " 80 - 90 ", "1", "65535", "80,", "1-65535"})
        void validPorts(String ports) {
            assertThat(problems(IPV4, rule("protocol", "tcp", "destination", "1.2.3.4", "ports", ports))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"6000-5000", "5000-5000", "0", "65536", "a", "80;90", "", ",", ",80", "1-2-3",
                "99999999999999999999", "80 90", "-1"})
        void invalidPorts(String ports) {
            assertThat(problems(IPV4, rule("protocol", "tcp", "destination", "1.2.3.4", "ports", ports)))
                    .contains("Rules[0]: ports must be a valid single port, comma separated list of ports, or range "
                            + "or ports, formatted as a string");
        }

        @Test
        void portsAreRequiredForTcpAndUdp() {
            assertThat(problems(IPV4, rule("protocol", "udp", "destination", "192.168.10.2/24"))).containsExactly(
                    "Rules[0]: ports are required for protocols of type TCP and UDP",
                    "Rules[0]: ports must be a valid single port, comma separated list of ports, or range or ports, "
                            + "formatted as a string");
        }

        @Test
        void portsMustBeAString() {
            assertThat(problems(IPV4, rule("protocol", "udp", "destination", "192.168.10.2/24", "ports", 42)))
                    .containsExactly("Rules[0]: ports must be a valid single port, comma separated list of ports, "
                            + "or range or ports, formatted as a string");
        }

        @Test
        void portsAreNotAllowedForAll() {
            assertThat(problems(IPV4, rule("protocol", "all", "destination", "192.168.10.2/24", "ports", "6000")))
                    .containsExactly("Rules[0]: ports are not allowed for protocols of type all");
        }
    }

    @Nested
    class Icmp {
        @Test
        void typeAndCodeAreRequired() {
            assertThat(problems(IPV4, rule("protocol", "icmp", "destination", "10.10.10.0/24"))).containsExactly(
                    "Rules[0]: code is required for protocols of type ICMP",
                    "Rules[0]: code must be an integer between -1 and 255 (inclusive)",
                    "Rules[0]: type is required for protocols of type ICMP",
                    "Rules[0]: type must be an integer between -1 and 255 (inclusive)");
        }

        @Test
        void typeAndCodeMustBeInRange() {
            assertThat(problems(IPV4, rule("protocol", "icmp", "destination", "1.2.3.4", "type", -2, "code", 256)))
                    .containsExactly("Rules[0]: code must be an integer between -1 and 255 (inclusive)",
                            "Rules[0]: type must be an integer between -1 and 255 (inclusive)");
            assertThat(problems(IPV4, rule("protocol", "icmp", "destination", "1.2.3.4", "type", "x",
                    "code", 1.0))).containsExactly("Rules[0]: code must be an integer between -1 and 255 (inclusive)",
                    "Rules[0]: type must be an integer between -1 and 255 (inclusive)");
            assertThat(problems(IPV4, rule("protocol", "icmp", "destination", "1.2.3.4", "type", 0, "code",
                    BigInteger.TEN.pow(30)))).containsExactly(
                    "Rules[0]: code must be an integer between -1 and 255 (inclusive)");
        }

        @Test
        void icmpAcceptsIpv4RangesOnly() {
            assertThat(problems(IPV4, rule("protocol", "icmp", "destination", "1.0.0.1-1.0.0.200", "type", -1,
                    "code", 255))).isEmpty();
            assertThat(problems(IPV6, rule("protocol", "icmp", "destination", "2001:db8::/32", "type", -1,
                    "code", 255))).containsExactly("Rules[0]: for protocol \"icmp\" you cannot use IPv6 addresses");
            assertThat(problems(IPV6, rule("protocol", "icmp", "destination", "2001:0db8::1-2001:0db8::ff",
                    "type", -1, "code", 255)))
                    .containsExactly("Rules[0]: for protocol \"icmp\" you cannot use IPv6 addresses");
            assertThat(problems(IPV6_LISTS, rule("protocol", "icmp", "destination",
                    "2001:db8::/32,2001:db8:85a3::/64", "type", -1, "code", 255))).containsExactly(
                    "Rules[0]: for protocol \"icmp\" you cannot use IPv6 addresses",
                    "Rules[0]: for protocol \"icmp\" you cannot use IPv6 addresses");
        }

        @Test
        void icmpv6NeedsIpv6() {
            assertThat(problems(IPV4, rule("protocol", "icmpv6", "destination", "2001:db8::/32", "type", -1,
                    "code", 255))).containsExactly(INVALID, "Rules[0]: icmpv6 cannot be used if enable_ipv6 is false");
            assertThat(problems(IPV6, rule("protocol", "icmpv6", "destination", "2001:db8::/32", "type", -1,
                    "code", 255))).isEmpty();
            assertThat(problems(IPV6, rule("protocol", "icmpv6", "destination", "2001:0db8::1-2001:0db8::ff",
                    "type", -1, "code", 255))).isEmpty();
            assertThat(problems(IPV6, rule("protocol", "icmpv6", "destination", "10.0.0.0/8", "type", -1,
                    "code", 255))).containsExactly("Rules[0]: for protocol \"icmpv6\" you cannot use IPv4 addresses");
            assertThat(problems(IPV6, rule("protocol", "icmpv6", "destination", "1.0.0.1-1.0.0.200", "type", -1,
                    "code", 255))).containsExactly("Rules[0]: for protocol \"icmpv6\" you cannot use IPv4 addresses");
            assertThat(problems(IPV6_LISTS, rule("protocol", "icmpv6", "destination", "10.0.0.0/8,2001:db8::/32",
                    "type", -1, "code", 255)))
                    .containsExactly("Rules[0]: for protocol \"icmpv6\" you cannot use IPv4 addresses");
            assertThat(problems(IPV6, rule("protocol", "icmpv6", "destination", "2001:db8::/32"))).containsExactly(
                    "Rules[0]: code is required for protocols of type ICMP",
                    "Rules[0]: code must be an integer between -1 and 255 (inclusive)",
                    "Rules[0]: type is required for protocols of type ICMP",
                    "Rules[0]: type must be an integer between -1 and 255 (inclusive)");
        }
    }

    @Nested
    class Ipv4Destinations {
        @ParameterizedTest
        @ValueSource(strings = {"10.10.10.0/24", "192.168.10.2", "192.168.10.2-192.168.15.254", "192.168.10.2/24",
                "0.0.0.0/0", "1.1.1.1-1.1.1.1", "10.0.0.0/255.0.0.0", "10.0.0.1-", "10.0.0.0/0"})
        void valid(String destination) {
            assertThat(problems(IPV4, udp(destination))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "1010|destination must be a valid CIDR, IP address, or IP address range",
                "192.168.10.2/240|destination must be a valid CIDR, IP address, or IP address range",
                "256.1.1.1|destination must be a valid CIDR, IP address, or IP address range",
                "1.2.3|destination must be a valid CIDR, IP address, or IP address range",
                "1.2.3.4/|destination must be a valid CIDR, IP address, or IP address range",
                "1.2.3.4/255.0.255.0|destination must be a valid CIDR, IP address, or IP address range",
                "2001:db8::|destination must be a valid CIDR, IP address, or IP address range",
                "a-b-c|destination must be a valid CIDR, IP address, or IP address range",
                "192.168.10.2-192.168.105|destination IP address range is invalid",
                "1.2.3.4/24-1.2.3.5|destination IP address range is invalid",
                "-1.2.3.4|destination IP address range is invalid",
                "9.9.9.9-0.0.0.0|beginning of IP address range is numerically greater than the end of its range "
                        + "(range endpoints are inverted)",
                "10.10.10.10,|destination must be a valid CIDR, IP address, or IP address range"})
        void invalid(String destination, String message) {
            assertThat(problems(IPV4, udp(destination))).containsExactly("Rules[0]: " + message);
        }

        @Test
        void mustBeAStringWithoutWhitespace() {
            assertThat(problems(IPV4, rule("protocol", "udp", "destination", 42, "ports", "1")))
                    .containsExactly("Rules[0]: destination must be a string");
            assertThat(problems(IPV4, rule("protocol", "udp", "destination", null, "ports", "1")))
                    .containsExactly(INVALID);
            assertThat(problems(IPV4, udp("    10.10.10.10")))
                    .containsExactly("Rules[0]: destination must not contain whitespace");
            assertThat(problems(IPV4_LISTS, udp("    10.10.10.10   ,   192.168.17.12")))
                    .containsExactly("Rules[0]: destination must not contain whitespace");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.000.0.0/24", "10.0.0.000/24", "010.0.0.53", "10.000.0.53", "10.0.000.53",
                "10.0.0.053", "010.000.000.053"})
        void leadingZerosAreRefusedOnce(String destination) {
            assertThat(problems(IPV4, udp(destination)))
                    .containsExactly("Rules[0]: destination octets cannot contain leading zeros");
        }

        @Test
        void leadingZerosInARangeAlsoMakeTheRangeInvalid() {
            assertThat(problems(IPV4, udp("1.0.0.000-1.0.0.200"))).containsExactly(
                    "Rules[0]: destination octets cannot contain leading zeros",
                    "Rules[0]: destination IP address range is invalid");
        }

        @Test
        void anEmptyDestinationPassesTheMessageButNotTheModel() {
            assertThat(problems(IPV4, udp(""))).isEmpty();
            assertThat(IPV4.modelProblems(List.of(udp(""))))
                    .containsExactly("rules rule number 1 contains invalid destination");
        }
    }

    @Nested
    class CommaDelimited {
        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.0/8,192.168.0.0/16", "10.0.0.0/8,1.0.0.0-1.0.0.255,4.5.6.7"})
        void validLists(String destination) {
            assertThat(problems(IPV4_LISTS, udp(destination))).isEmpty();
        }

        @Test
        void aNilDestinationHasItsOwnText() {
            assertThat(problems(IPV4_LISTS, rule("protocol", "udp", "destination", null, "ports", "8080")))
                    .containsExactly("Rules[0]: nil destination; destination must be a comma-delimited list of "
                            + "valid CIDRs, IP addresses, or IP address ranges");
        }

        @Test
        void everyInvalidEntryIsReported() {
            assertThat(problems(IPV4_LISTS, udp("192.168.10.2/24,1.2"))).containsExactly(INVALID_IN_LIST);
            assertThat(problems(IPV4_LISTS, udp("1.2-7.8,999.999.999.999,200.0.0.0-150.0.0.0,10.0.0.0/500")))
                    .containsExactly("Rules[0]: destination IP address range is invalid", INVALID_IN_LIST,
                            "Rules[0]: beginning of IP address range is numerically greater than the end of its "
                                    + "range (range endpoints are inverted)", INVALID_IN_LIST);
        }

        @ParameterizedTest
        @ValueSource(strings = {",10.10.10.10,11.11.11.11", "10.10.10.10,,11.11.11.11", "10.10.10.10,11.11.11.11,"})
        void emptyEntries(String destination) {
            assertThat(problems(IPV4_LISTS, udp(destination))).containsExactly(
                    "Rules[0]: empty destination specified in comma-delimited list", INVALID_IN_LIST);
        }

        @Test
        void atMost6000Destinations() {
            String many = String.join(",", Collections.nCopies(7000, "192.168.1.3"));
            assertThat(problems(IPV4_LISTS, rule("protocol", "all", "destination", many)))
                    .containsExactly("Rules[0]: maximum destinations per rule exceeded - must be under 6000");
            String enough = String.join(",", Collections.nCopies(6000, "192.168.1.3"));
            assertThat(problems(IPV4_LISTS, rule("protocol", "all", "destination", enough))).isEmpty();
        }

        @Test
        void ipv6EntriesNeedIpv6() {
            assertThat(problems(IPV4_LISTS, udp("2001:db8::,192.168.200.1"))).containsExactly(INVALID_IN_LIST);
            assertThat(problems(IPV6_LISTS, udp("2001:db8::,4.5.6.7"))).isEmpty();
        }
    }

    @Nested
    class Ipv6Destinations {
        @ParameterizedTest
        @ValueSource(strings = {"2001:db8::/32", "10.10.10.0/24", "2001:0db8::/32", "2001:db8:0000::/32",
                "2001:0db8::1-2001:0db8::ff", "2001:0db8::1", "2001:db8::0001", "2001:db8::01",
                "2001:db8:0000:0000::01", "2001:db8::", "::", "::1", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4",
                "[2001:db8::1]", "fe80::1%eth0", "1:2:3:4:5:6:7::", "2001:db8::/ffff:ffff::"})
        void valid(String destination) {
            assertThat(problems(IPV6, udp(destination))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "2001:db8::1-2001:db8::g|destination IP address range is invalid",
                "2001:db8::ff-2001:db8::1|beginning of IP address range is numerically greater than the end of its "
                        + "range (range endpoints are inverted)",
                "2001:db8::/129|destination must be a valid CIDR, IP address, or IP address range",
                "1:2:3:4:5:6:7:8:9|destination must be a valid CIDR, IP address, or IP address range",
                "1::2::3|destination must be a valid CIDR, IP address, or IP address range",
                "2001:db8::/08|destination must be a valid CIDR, IP address, or IP address range",
                "12345::|destination must be a valid CIDR, IP address, or IP address range",
                "2001:0db8::1,|destination must be a valid CIDR, IP address, or IP address range",
                "1.2.3.4-2001:db8::1|destination IP address range is invalid"})
        void invalid(String destination, String message) {
            assertThat(problems(IPV6, udp(destination))).containsExactly("Rules[0]: " + message);
        }

        @Test
        void listsOfIpv6() {
            assertThat(problems(IPV6_LISTS, udp("2001:db8::/32,2001:db8:85a3::/64"))).isEmpty();
            assertThat(problems(IPV6_LISTS, udp("2001:db8::/32,2001:db8::1-2001:db8::ff,2001:db8::2"))).isEmpty();
            assertThat(problems(IPV6_LISTS, udp("2001:db8::/32,2001"))).containsExactly(INVALID_IN_LIST);
            assertThat(problems(IPV6_LISTS, udp("2001:db8::1-2001:db8::g,2001:db8::/129,2001:db8::ff-2001:db8::1")))
                    .containsExactly("Rules[0]: destination IP address range is invalid", INVALID_IN_LIST,
                            "Rules[0]: beginning of IP address range is numerically greater than the end of its "
                                    + "range (range endpoints are inverted)");
        }
    }

    @Nested
    class Model {
        @Test
        void fieldsNotUsedByTheProtocolAreRefusedBeforeSaving() {
            List<Map<String, Object>> rules = new ArrayList<>();
            rules.add(rule("protocol", "tcp", "destination", "1.2.3.4", "ports", "80", "type", 1));
            rules.add(rule("protocol", "all", "destination", "1.2.3.4", "ports", null));
            rules.add(rule("protocol", "icmp", "destination", "1.2.3.4", "type", 1));
            assertThat(IPV4.modelProblems(rules)).containsExactly(
                    "rules rule number 1 contains the invalid field 'type'",
                    "rules rule number 2 contains the invalid field 'ports'",
                    "rules rule number 3 missing required field 'code'");
        }

        @Test
        void nullLogAndDescriptionAreRefusedBeforeSaving() {
            assertThat(IPV4.modelProblems(List.of(rule("protocol", "all", "destination", "1.2.3.4",
                    "log", null, "description", null)))).containsExactly(
                    "rules rule number 1 contains invalid log value",
                    "rules rule number 1 contains invalid description");
        }

        @Test
        void validRulesPass() {
            assertThat(IPV4_LISTS.modelProblems(List.of(
                    rule("protocol", "tcp", "destination", "10.0.0.0/8,1.1.1.1-1.1.1.9", "ports", "80-90",
                            "log", true, "description", "web"),
                    rule("protocol", "icmp", "destination", "1.2.3.4", "type", 0, "code", -1)))).isEmpty();
        }
    }
}

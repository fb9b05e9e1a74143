package dev.capi.domain.securitygroups;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses addresses the way Ruby's {@code IPAddr.new} does (the reference validates security group destinations
 * with it): dotted-quad IPv4 without zero-filled octets, full and compressed IPv6 (also with an IPv4 tail, in
 * brackets or with a zone id), and an optional {@code /prefix} or {@code /netmask}. Anything it refuses is empty.
 */
final class IpAddr {
    private static final Pattern IPV4 = Pattern.compile("\\A[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+\\z");
    private static final Pattern IPV6_FULL = Pattern.compile(
            "\\A(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|((?:[0-9a-f]{1,4}:){6})([0-9]+)\\.([0-9]+)\\.([0-9]+)\\.([0-9]+))\\z",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV6_COMPRESSED = Pattern.compile(
            "\\A((?:(?:[0-9a-f]{1,4}:)*[0-9a-f]{1,4})?)::(((?:[0-9a-f]{1,4}:)*)(?:[0-9a-f]{1,4}|([0-9]+)\\.([0-9]+)"
                    + "\\.([0-9]+)\\.([0-9]+))?)\\z",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETS = Pattern.compile("\\A\\[(.*)]\\z");
    private static final Pattern ZONE = Pattern.compile("\\A(.*)(%[A-Za-z0-9_]+)\\z");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("\\A(0|[1-9]+[0-9]*)\\z");
    private static final Pattern DIGITS = Pattern.compile("\\A[0-9]+\\z");
    private static final BigInteger IPV4_MASK = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger IPV6_MASK = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** An address (masked when a prefix was given), its family (4 or 6) and its mask. */
    record Address(int family, BigInteger value, BigInteger mask) implements Comparable<Address> {
        @Override
        public int compareTo(Address other) {
            return value.compareTo(other.value);
        }
    }

    private IpAddr() {
    }

    /** {@code IPAddr.new(text)}, or empty where Ruby raises {@code IPAddr::Error}. */
    static Optional<Address> parse(String text) {
        try {
            return Optional.of(parseOrThrow(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Address parseOrThrow(String text) {
        List<String> parts = RubyStrings.split(text, "/", 2);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("address family must be specified");
        }
        String prefix = parts.get(0);
        String prefixLength = parts.size() > 1 ? parts.get(1) : null;
        boolean ipv6Only = false;
        Matcher m = BRACKETS.matcher(prefix);
        if (m.matches()) {
            prefix = m.group(1);
            ipv6Only = true;
        }
        m = ZONE.matcher(prefix);
        if (m.matches()) {
            prefix = m.group(1);
            ipv6Only = true;
        }
        BigInteger value = ipv6Only ? null : ipv4(prefix);
        int family = 4;
        if (value == null) {
            value = ipv6(prefix);
            family = 6;
        }
        BigInteger full = family == 4 ? IPV4_MASK : IPV6_MASK;
        if (prefixLength == null) {
            return new Address(family, value, full);
        }
        return mask(new Address(family, value, full), prefixLength);
    }

    private static Address mask(Address address, String mask) {
        int bits = address.family() == 4 ? 32 : 128;
        BigInteger full = address.family() == 4 ? IPV4_MASK : IPV6_MASK;
        if (PREFIX_LENGTH.matcher(mask).matches()) {
            if (mask.length() > 3 || Integer.parseInt(mask) > bits) {
                throw new IllegalArgumentException("invalid length");
            }
            int hostBits = bits - Integer.parseInt(mask);
            BigInteger maskValue = full.shiftRight(hostBits).shiftLeft(hostBits);
            return new Address(address.family(), address.value().and(maskValue), maskValue);
        }
        if (DIGITS.matcher(mask).matches()) {
            throw new IllegalArgumentException("leading zeros in prefix");
        }
        Address m = parseOrThrow(mask);
        if (m.family() != address.family()) {
            throw new IllegalArgumentException("address family is not same");
        }
        BigInteger n = m.value().xor(m.mask());
        if (!n.add(BigInteger.ONE).and(n).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException("invalid mask " + mask);
        }
        return new Address(address.family(), address.value().and(m.value()), m.value());
    }

    /** The dotted quad's value, null when the text does not look like one, an error when an octet is bad. */
    private static BigInteger ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return null;
        }
        return octets(text.split("\\."));
    }

    private static BigInteger octets(String... octets) {
        long value = 0;
        for (String s : octets) {
            if (s.length() > 3 || Integer.parseInt(s) >= 256) {
                throw new IllegalArgumentException("invalid address");
            }
            if (!s.equals("0") && s.startsWith("0")) {
                throw new IllegalArgumentException("zero-filled number in IPv4 address is ambiguous");
            }
            value = value << 8 | Integer.parseInt(s);
        }
        return BigInteger.valueOf(value);
    }

    private static BigInteger ipv6(String text) {
        String left;
        String right;
        BigInteger tail;
        Matcher full = IPV6_FULL.matcher(text);
        Matcher compressed = IPV6_COMPRESSED.matcher(text);
        if (full.matches()) {
            if (full.group(2) != null) {
                tail = octets(full.group(2), full.group(3), full.group(4), full.group(5));
                left = full.group(1) + ":";
            } else {
                tail = BigInteger.ZERO;
                left = text;
            }
            right = "";
        } else if (compressed.matches()) {
            long colons = text.chars().filter(c -> c == ':').count();
            if (compressed.group(4) != null) {
                if (colons > 6) {
                    throw new IllegalArgumentException("invalid address");
                }
                tail = octets(compressed.group(4), compressed.group(5), compressed.group(6), compressed.group(7));
                left = compressed.group(1);
                right = compressed.group(3) + "0:0";
            } else {
                if (colons > (compressed.group(1).isEmpty() || compressed.group(2).isEmpty() ? 8 : 7)) {
                    throw new IllegalArgumentException("invalid address");
                }
                left = compressed.group(1);
                right = compressed.group(2);
                tail = BigInteger.ZERO;
            }
        } else {
            throw new IllegalArgumentException("invalid address");
        }
        List<String> l = RubyStrings.split(left, ":", 0);
        List<String> r = RubyStrings.split(right, ":", 0);
        int rest = 8 - l.size() - r.size();
        if (rest < 0) {
            throw new IllegalArgumentException("invalid address");
        }
        BigInteger value = BigInteger.ZERO;
        for (String group : l) {
            value = value.shiftLeft(16).or(hex(group));
        }
        value = value.shiftLeft(16 * rest);
        for (String group : r) {
            value = value.shiftLeft(16).or(hex(group));
        }
        return value.or(tail);
    }

    /** Ruby's {@code String#hex} on a regex-checked group (empty when a split produced an empty piece). */
    private static BigInteger hex(String group) {
        return group.isEmpty() ? BigInteger.ZERO : new BigInteger(group, 16);
    }
}

package dev.capi.domain.quotas;

import dev.capi.model.QuotaLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Texts and checks the organization and space quota use cases share. */
final class QuotaTexts {
    static final String ORG_RESERVED_PORTS = "Total reserved ports must be -1, 0, or a positive integer, and must be "
            + "less than or equal to total routes.";
    static final String SPACE_RESERVED_PORTS = "Total reserved ports must be -1, 0, or a positive integer, must be "
            + "less than or equal to total routes, and must be less than or equal to total reserved ports for the "
            + "organization quota.";
    private static final int NAMES_LISTED = 2;

    private QuotaTexts() {
    }

    /** A list as Ruby's {@code Array#inspect} prints strings: {@code ["a", "b"]}. */
    static String rubyList(List<String> values) {
        return values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code requested - found}, keeping the request's order and repeats (Ruby's array difference). */
    static List<String> missing(List<String> requested, List<String> found) {
        List<String> missing = new ArrayList<>(requested);
        missing.removeAll(found);
        return missing;
    }

    /** The organization quota's rule: reserved ports within total routes (when routes are limited). */
    static boolean orgReservedPortsValid(QuotaLimits l) {
        return l.totalReservedPorts() >= QuotaLimits.UNLIMITED
                && !(l.totalReservedPorts() > l.totalRoutes() && l.totalRoutes() >= 0);
    }

    /** The space quota's rule: also within the owning organization's quota's reserved ports (when limited). */
    static boolean spaceReservedPortsValid(QuotaLimits l, QuotaLimits orgQuota) {
        boolean aboveOrg = orgQuota != null && !QuotaLimits.isUnlimited(orgQuota.totalReservedPorts())
                && l.totalReservedPorts() > orgQuota.totalReservedPorts();
        boolean aboveRoutes = !QuotaLimits.isUnlimited(l.totalRoutes()) && l.totalReservedPorts() > l.totalRoutes();
        return l.totalReservedPorts() >= QuotaLimits.UNLIMITED && !aboveOrg && !aboveRoutes;
    }

    /**
     * "Current usage exceeds new quota values. This quota is applied to org 'a' which contains apps running with an
     * unlimited log rate limit." with the reference's wording for one, two, or more names ({@code kind} is "org" or
     * "space").
     */
    static String unlimitedLogRateInUse(String kind, List<String> names) {
        String named = String.join("', '", names.subList(0, Math.min(NAMES_LISTED, names.size())));
        String which;
        if (names.size() == 1) {
            which = kind + " '" + named + "' which contains";
        } else if (names.size() > NAMES_LISTED) {
            which = kind + "s '" + named + "' and " + (names.size() - NAMES_LISTED) + " other " + kind
                    + "s which contain";
        } else {
            which = kind + "s '" + named + "' which contain";
        }
        return "Current usage exceeds new quota values. This quota is applied to " + which
                + " apps running with an unlimited log rate limit.";
    }
}

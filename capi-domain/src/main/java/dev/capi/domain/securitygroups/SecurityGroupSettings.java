package dev.capi.domain.securitygroups;

import java.util.List;
import java.util.Map;

/**
 * The reference's security group configuration: {@code security_group_definitions} (seeded when there are no
 * groups yet), {@code default_running_security_groups} / {@code default_staging_security_groups} (the seeded groups
 * that become globally enabled), {@code enable_ipv6} and {@code security_groups.enable_comma_delimited_destinations}.
 */
public record SecurityGroupSettings(List<Definition> definitions, List<String> defaultRunningGroups,
                                    List<String> defaultStagingGroups, boolean enableIpv6,
                                    boolean commaDelimitedDestinations) {
    public SecurityGroupSettings {
        definitions = List.copyOf(definitions);
        defaultRunningGroups = List.copyOf(defaultRunningGroups);
        defaultStagingGroups = List.copyOf(defaultStagingGroups);
    }

    /** No seeded groups, IPv4 only, one destination per rule (the reference's defaults). */
    public static SecurityGroupSettings none() {
        return new SecurityGroupSettings(List.of(), List.of(), List.of(), false, false);
    }

    /** A group to seed: its name and rules (JSON objects, as a request would give them). */
    public record Definition(String name, List<Map<String, Object>> rules) {
        public Definition {
            rules = List.copyOf(rules);
        }
    }
}

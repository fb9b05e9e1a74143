package dev.capi.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application security group: egress rules (each a JSON object as the client gave it: protocol, destination,
 * ports, type, code, log, description), whether it applies to every running or staging app, and the spaces it is
 * bound to for running and for staging.
 */
public record SecurityGroup(String guid, Instant createdAt, Instant updatedAt, String name,
                            List<Map<String, Object>> rules, boolean runningDefault, boolean stagingDefault,
                            List<String> runningSpaceGuids, List<String> stagingSpaceGuids) {
    public SecurityGroup {
        rules = rules.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
        runningSpaceGuids = List.copyOf(runningSpaceGuids);
        stagingSpaceGuids = List.copyOf(stagingSpaceGuids);
    }

    /** The same group bound to these spaces. */
    public SecurityGroup withSpaces(List<String> running, List<String> staging) {
        return new SecurityGroup(guid, createdAt, updatedAt, name, rules, runningDefault, stagingDefault, running,
                staging);
    }
}

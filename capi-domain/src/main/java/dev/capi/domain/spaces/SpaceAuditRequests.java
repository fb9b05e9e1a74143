package dev.capi.domain.spaces;

import dev.capi.model.MetadataUpdate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code request} recorded with {@code audit.space.create} and {@code audit.space.update}: the keys the client
 * sent, with their values (metadata included as given, as the reference's {@code audit_hash} does).
 */
final class SpaceAuditRequests {
    private SpaceAuditRequests() {
    }

    static Map<String, Object> create(SpaceCommands.Create cmd) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", cmd.name());
        m.put("relationships", Map.of("organization", Map.of("data", Map.of("guid", cmd.organizationGuid()))));
        putIfGiven(m, "suspended", cmd.suspended());
        putMetadata(m, cmd.metadata());
        return m;
    }

    static Map<String, Object> update(SpaceCommands.Update cmd) {
        var m = new LinkedHashMap<String, Object>();
        putIfGiven(m, "name", cmd.name());
        putIfGiven(m, "suspended", cmd.suspended());
        putMetadata(m, cmd.metadata());
        return m;
    }

    private static void putIfGiven(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void putMetadata(Map<String, Object> m, MetadataUpdate metadata) {
        if (metadata == null) {
            return;
        }
        var given = new LinkedHashMap<String, Object>();
        putIfGiven(given, "labels", metadata.labels());
        putIfGiven(given, "annotations", metadata.annotations());
        m.put("metadata", given);
    }
}

package dev.capi.persistence.servicebindings;

import dev.capi.domain.servicebindings.AppBoundServices;
import dev.capi.domain.servicebindings.BoundService;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * An app's active bindings for {@code VCAP_SERVICES}: create succeeded, the newest per instance, in creation order,
 * with instance, plan and offering in one join. {@code provider} is null, as the reference presents it for v2 brokers.
 */
public final class JdbiAppBoundServices implements AppBoundServices {
    private final Jdbi jdbi;

    public JdbiAppBoundServices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<BoundService> active(String appGuid) {
        List<BoundService> all = jdbi.withHandle(h -> h.createQuery("""
                        SELECT b.guid, b.name, b.credentials, b.syslog_drain_url, b.volume_mounts,
                               si.guid AS instance_guid, si.name AS instance_name, si.type, si.tags,
                               so.name AS offering_name, so.tags AS offering_tags,
                               sp.name AS plan_name
                        FROM service_credential_bindings b
                        JOIN service_instances si ON si.guid = b.service_instance_guid
                        LEFT JOIN service_plans sp ON sp.guid = si.service_plan_guid
                        LEFT JOIN service_offerings so ON so.guid = sp.service_offering_guid
                        WHERE b.app_guid = :a AND b.type = 'app'
                          AND (b.last_operation_type IS NULL
                               OR (b.last_operation_type = 'create' AND b.last_operation_state = 'succeeded'))
                        ORDER BY b.created_at DESC, b.id DESC""")
                .bind("a", appGuid)
                .map((rs, ctx) -> new BoundService(rs.getString("guid"), rs.getString("name"),
                        BindingColumns.map(rs.getString("credentials")), rs.getString("syslog_drain_url"),
                        BindingColumns.list(rs.getString("volume_mounts")), rs.getString("instance_guid"),
                        rs.getString("instance_name"), "user-provided".equals(rs.getString("type")),
                        JdbiBindableInstances.strings(rs.getString("tags")), rs.getString("offering_name"),
                        null,
                        JdbiBindableInstances.strings(rs.getString("offering_tags")), rs.getString("plan_name")))
                .list());
        var newestPerInstance = new LinkedHashMap<String, BoundService>();
        for (BoundService s : all) {
            newestPerInstance.putIfAbsent(s.instanceGuid(), s);
        }
        List<BoundService> result = new ArrayList<>(newestPerInstance.values());
        java.util.Collections.reverse(result);
        return result;
    }
}

package dev.capi.persistence.servicebindings;

import dev.capi.domain.servicebindings.SyslogDrains;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The syslog drains of app bindings: one page of distinct drain URLs (ordered) and, in the same statement, the apps
 * (with space and organization names) draining to them.
 */
public final class JdbiSyslogDrains implements SyslogDrains {
    private final Jdbi jdbi;

    public JdbiSyslogDrains(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Drain> batch(int offset, int batchSize) {
        record Row(String url, DrainingApp app) {
        }
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                        SELECT b.syslog_drain_url, b.credentials, a.guid AS app_guid, a.name AS app_name, s.name AS space_name,
                               o.name AS organization_name
                        FROM service_credential_bindings b
                        JOIN apps a ON a.guid = b.app_guid
                        JOIN spaces s ON s.guid = a.space_guid
                        JOIN organizations o ON o.guid = s.organization_guid
                        WHERE b.syslog_drain_url IN (
                            SELECT u.syslog_drain_url FROM (
                                SELECT DISTINCT syslog_drain_url FROM service_credential_bindings
                                WHERE syslog_drain_url IS NOT NULL AND syslog_drain_url <> '' AND app_guid IS NOT NULL
                                ORDER BY syslog_drain_url LIMIT :limit OFFSET :offset) u)
                        ORDER BY b.syslog_drain_url, b.id""")
                .bind("limit", batchSize).bind("offset", offset)
                .map((rs, ctx) -> {
                    var credentials = BindingColumns.map(rs.getString("credentials"));
                    return new Row(rs.getString("syslog_drain_url"), new DrainingApp(rs.getString("app_guid"),
                            rs.getString("organization_name"), rs.getString("space_name"), rs.getString("app_name"),
                            text(credentials, "cert"), text(credentials, "key"), text(credentials, "ca")));
                })
                .list());
        var byUrl = new LinkedHashMap<String, List<DrainingApp>>();
        rows.forEach(r -> byUrl.computeIfAbsent(r.url(), k -> new ArrayList<>()).add(r.app()));
        List<Drain> drains = new ArrayList<>();
        byUrl.forEach((url, apps) -> drains.add(new Drain(url, List.copyOf(apps))));
        return drains;
    }

    private static String text(java.util.Map<String, Object> credentials, String key) {
        Object value = credentials == null ? null : credentials.get(key);
        return value instanceof String s ? s : "";
    }
}

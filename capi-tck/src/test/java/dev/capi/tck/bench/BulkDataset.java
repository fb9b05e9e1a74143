package dev.capi.tck.bench;

import dev.capi.tck.support.Tck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the bulk of a cf-performance-tests-sized dataset (orgs, one space each, quota assignments, isolation segment
 * entitlements, a user's roles, routes) straight into the embedded server's database in JDBC batches: over HTTP,
 * 100,000 orgs would take the better part of an hour to seed. Everything with rules worth exercising (quotas,
 * segments, security groups, domains) is still created over HTTP by {@link Benchmark}; this only multiplies rows.
 */
final class BulkDataset {
    private static final int BATCH = 1_000;

    record Orgs(List<String> orgGuids, List<String> spaceGuids) {
    }

    private final Tck tck;
    private final Timestamp now = Timestamp.from(Instant.now());

    BulkDataset(Tck tck) {
        this.tck = tck;
    }

    /** {@code count} orgs named {@code bulk-org-<n>}, each with quota {@code quotas[n % size]} and one space. */
    Orgs orgsWithSpaces(int count, List<String> quotas) throws SQLException {
        List<String> orgs = guids(count);
        List<String> spaces = guids(count);
        tck.withEmbeddedDatabase(c -> {
            batch(c, "INSERT INTO organizations (guid, created_at, updated_at, name, suspended, quota_guid) "
                    + "VALUES (?, ?, ?, ?, FALSE, ?)", count, (ps, i) -> {
                ps.setString(1, orgs.get(i));
                ps.setTimestamp(2, now);
                ps.setTimestamp(3, now);
                ps.setString(4, "bulk-org-" + i + "-" + orgs.get(i).substring(0, 8));
                ps.setString(5, quotas.get(i % quotas.size()));
            });
            batch(c, "INSERT INTO spaces (guid, created_at, updated_at, name, organization_guid, suspended, allow_ssh) "
                    + "VALUES (?, ?, ?, 'bench-space', ?, FALSE, TRUE)", count, (ps, i) -> {
                ps.setString(1, spaces.get(i));
                ps.setTimestamp(2, now);
                ps.setTimestamp(3, now);
                ps.setString(4, orgs.get(i));
            });
        });
        return new Orgs(orgs, spaces);
    }

    /** Entitles org {@code n} to segment {@code segments[n % size]}. */
    void entitle(List<String> orgs, List<String> segments) throws SQLException {
        tck.withEmbeddedDatabase(c -> batch(c, "INSERT INTO organizations_isolation_segments "
                + "(organization_guid, isolation_segment_guid) VALUES (?, ?)", orgs.size(), (ps, i) -> {
            ps.setString(1, orgs.get(i));
            ps.setString(2, segments.get(i % segments.size()));
        }));
    }

    /** Makes the user an org user of every {@code every}-th org and a space developer of its space. */
    void grant(String userGuid, Orgs orgs, int every) throws SQLException {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < orgs.orgGuids().size(); i += every) {
            picked.add(i);
        }
        tck.withEmbeddedDatabase(c -> {
            String sql = "INSERT INTO roles (guid, created_at, updated_at, type, user_guid, organization_guid, "
                    + "space_guid, scope_guid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            batch(c, sql, picked.size(), (ps, k) -> {
                String org = orgs.orgGuids().get(picked.get(k));
                role(ps, "organization_user", userGuid, org, null, org);
            });
            batch(c, sql, picked.size(), (ps, k) -> {
                int i = picked.get(k);
                role(ps, "space_developer", userGuid, orgs.orgGuids().get(i), orgs.spaceGuids().get(i),
                        orgs.spaceGuids().get(i));
            });
        });
    }

    /** {@code count} routes {@code bench-route-<n>.<domain>} spread over the spaces. */
    void routes(int count, String domainGuid, List<String> spaces) throws SQLException {
        List<String> routes = guids(count);
        tck.withEmbeddedDatabase(c -> batch(c, "INSERT INTO routes (guid, created_at, updated_at, host, path, port, "
                + "domain_guid, space_guid) VALUES (?, ?, ?, ?, '', 0, ?, ?)", count, (ps, i) -> {
            ps.setString(1, routes.get(i));
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setString(4, "bench-route-" + i);
            ps.setString(5, domainGuid);
            ps.setString(6, spaces.get(i % spaces.size()));
        }));
    }

    /** Refreshes the planner's statistics, as autovacuum would soon after a real bulk load. */
    void analyze() throws SQLException {
        tck.withEmbeddedDatabase(c -> c.createStatement().execute("ANALYZE"));
    }

    private void role(PreparedStatement ps, String type, String user, String org, String space, String scope)
            throws SQLException {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setTimestamp(2, now);
        ps.setTimestamp(3, now);
        ps.setString(4, type);
        ps.setString(5, user);
        ps.setString(6, org);
        ps.setString(7, space);
        ps.setString(8, scope);
    }

    @FunctionalInterface
    interface Row {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    static void batch(Connection c, String sql, int count, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                row.bind(ps, i);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static List<String> guids(int count) {
        List<String> guids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            guids.add(UUID.randomUUID().toString());
        }
        return guids;
    }
}

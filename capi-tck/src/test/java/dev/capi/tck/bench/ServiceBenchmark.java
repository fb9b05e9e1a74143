package dev.capi.tck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.capi.tck.support.Json.obj;

/**
 * The two service lists cf-performance-tests reports as the reference's slowest: {@code GET /v3/service_plans} as a
 * regular user with 600,000 plan visibilities (617 ms there) and {@code GET /v3/service_instances?per_page=500} over
 * 40,000 instances (427 ms there). The fixture broker is registered over HTTP; the bulk (orgs, extra plans of its
 * offering, their organization visibilities, managed instances) is written straight into the embedded database.
 * Arguments: orgs (default 10,000), plans (60: plans x orgs visibilities), instances (40,000), requests (100),
 * client threads (2).
 */
public final class ServiceBenchmark {
    private ServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orgs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int plans = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        Tck tck = Tck.get();
        Cf admin = tck.admin();
        Cf user = tck.newUser("svc-bench-user");
        long seedStart = System.nanoTime();
        String offering = registerBroker(admin);
        String quota = admin.get("/v3/organization_quotas?names=default").body().path("resources").path(0)
                .path("guid").asText(null);
        BulkDataset bulk = new BulkDataset(tck);
        BulkDataset.Orgs dataset = bulk.orgsWithSpaces(orgs, java.util.Collections.singletonList(quota));
        bulk.grant(Tck.userGuid(user), dataset, 10);
        List<String> planGuids = BulkDataset.guids(plans);
        Timestamp now = Timestamp.from(Instant.now());
        tck.withEmbeddedDatabase(c -> {
            BulkDataset.batch(c, "INSERT INTO service_plans (guid, created_at, updated_at, service_offering_guid, "
                    + "broker_catalog_id, name, description, free, public, active) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'a bulk plan', TRUE, FALSE, TRUE)", plans, (ps, i) -> {
                ps.setString(1, planGuids.get(i));
                ps.setTimestamp(2, now);
                ps.setTimestamp(3, now);
                ps.setString(4, offering);
                ps.setString(5, "bulk-plan-id-" + i);
                ps.setString(6, "bulk-plan-" + i);
            });
            BulkDataset.batch(c, "INSERT INTO service_plan_visibilities (created_at, service_plan_guid, "
                    + "organization_guid) VALUES (?, ?, ?)", plans * orgs, (ps, i) -> {
                ps.setTimestamp(1, now);
                ps.setString(2, planGuids.get(i / orgs));
                ps.setString(3, dataset.orgGuids().get(i % orgs));
            });
            BulkDataset.batch(c, "INSERT INTO service_instances (guid, created_at, updated_at, name, space_guid, "
                    + "type, service_plan_guid, tags, last_operation_type, last_operation_state, "
                    + "last_operation_created_at, last_operation_updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'managed', ?, '[]', 'create', 'succeeded', ?, ?)", instances, (ps, i) -> {
                ps.setString(1, java.util.UUID.randomUUID().toString());
                ps.setTimestamp(2, now);
                ps.setTimestamp(3, now);
                ps.setString(4, "bulk-instance-" + i);
                ps.setString(5, dataset.spaceGuids().get(i % orgs));
                ps.setString(6, planGuids.get(i % plans));
                ps.setTimestamp(7, now);
                ps.setTimestamp(8, now);
            });
            if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                c.createStatement().execute("ANALYZE");
            }
        });
        System.out.printf(Locale.ROOT, "seeded %d orgs, %d plans, %d visibilities, %d instances in %.1f s%n", orgs,
                plans, (long) plans * orgs, instances, (System.nanoTime() - seedStart) / 1e9);
        ApiResponse visible = user.get("/v3/service_plans?per_page=1");
        System.out.println("plans the user sees: " + visible.body().path("pagination").path("total_results")
                + "; instances the admin sees: " + admin.get("/v3/service_instances?per_page=1").body()
                .path("pagination").path("total_results"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String[] endpoints = {"/v3/info", "/v3/service_plans", "/v3/service_plans?per_page=500",
                "/v3/service_offerings", "/v3/service_instances?per_page=500", "/v3/service_instances"};
        System.out.println("endpoint | identity | req/s | p50 ms | p99 ms");
        for (String endpoint : endpoints) {
            for (Cf cf : new Cf[]{user, admin}) {
                Benchmark.measure(pool, cf, endpoint, requests);
            }
        }
        pool.shutdown();
        System.exit(0);
    }

    /** Registers the fixture broker over HTTP; the guid of its first offering. */
    private static String registerBroker(Cf admin) {
        FixtureBroker broker = FixtureBroker.shared();
        String name = Tck.unique("bench-broker");
        JsonNode job = admin.awaitJob(admin.post("/v3/service_brokers", obj("name", name, "url", broker.url(),
                "authentication", obj("type", "basic", "credentials", obj("username", broker.username(),
                        "password", broker.password())))));
        if (!"COMPLETE".equals(job.path("state").asText())) {
            throw new IllegalStateException("broker registration failed: " + job);
        }
        String brokerGuid = admin.get("/v3/service_brokers?names=" + name).body().path("resources").path(0)
                .path("guid").asText();
        return admin.get("/v3/service_offerings?service_broker_guids=" + brokerGuid).body().path("resources")
                .path(0).path("guid").asText();
    }
}

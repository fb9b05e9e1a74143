package dev.capi.tck.bench;

import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;

/**
 * The load benchmark: seeds N orgs (each with a space), a space user, role rows, 50 organization quotas applied
 * across the orgs, one security group per space (up to 500) bound to it, isolation segments entitled to orgs,
 * private domains (up to 500) and routes; then measures the list endpoints as admin and as that space user (requests
 * per second, p50 and p99 latency). Runs against {@code -Dcapi.tck.url=...} or the embedded server.
 * Arguments: {@code [orgs] [requests-per-endpoint] [threads] [routes] [bulk]}. With {@code bulk} (embedded server
 * only) orgs, spaces, entitlements, the user's roles and routes are written straight into the database
 * ({@link BulkDataset}) so that cf-performance-tests sizes (100,000 orgs, 10,000 routes) seed in seconds; quotas,
 * segments, security groups and domains are always created over HTTP.
 */
public final class Benchmark {
    private static final int QUOTAS = 50;
    private static final int SEGMENTS = 20;
    private static final int MAX_SECURITY_GROUPS = 500;
    private static final int MAX_DOMAINS = 500;
    private static final int USER_EVERY = 10;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orgs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int routes = args.length > 3 ? Integer.parseInt(args[3]) : Math.min(orgs, 10_000);
        boolean bulk = args.length > 4 && args[4].equals("bulk");
        Tck tck = Tck.get();
        Cf admin = tck.admin();
        Cf spaceUser = tck.newUser("bench-user");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long seedStart = System.nanoTime();
        List<String> quotas = createAll(pool, QUOTAS, n -> admin.post("/v3/organization_quotas",
                obj("name", Tck.unique("bench-quota-" + n))));
        List<String> segments = createAll(pool, SEGMENTS, n -> admin.post("/v3/isolation_segments",
                obj("name", Tck.unique("bench-segment-" + n))));
        BulkDataset.Orgs dataset = bulk ? seedBulk(tck, spaceUser, orgs, quotas, segments)
                : seedOverHttp(tck, pool, admin, spaceUser, orgs, quotas, segments);
        createAll(pool, Math.min(MAX_SECURITY_GROUPS, orgs), n -> {
            String group = admin.post("/v3/security_groups", obj("name", Tck.unique("bench-sg-" + n)))
                    .body().path("guid").asText();
            return admin.post("/v3/security_groups/" + group + "/relationships/running_spaces",
                    obj("data", List.of(obj("guid", dataset.spaceGuids().get(n)))));
        });
        createAll(pool, Math.min(MAX_DOMAINS, orgs), n -> admin.post("/v3/domains", obj("name",
                Tck.unique("bench-" + n) + ".example.com", "relationships",
                obj("organization", rel(dataset.orgGuids().get(n))))));
        String sharedDomain = admin.get("/v3/domains?per_page=1").body().path("resources").get(0)
                .path("guid").asText();
        if (bulk) {
            new BulkDataset(tck).routes(routes, sharedDomain, dataset.spaceGuids());
            new BulkDataset(tck).analyze();
        } else {
            createAll(pool, routes, n -> admin.post("/v3/routes", obj("host", "bench-route-" + n, "relationships",
                    obj("domain", rel(sharedDomain), "space", rel(dataset.spaceGuids().get(n % orgs))))));
        }
        System.out.printf(Locale.ROOT, "seeded %d orgs/spaces and %d routes in %.1f s (%s)%n", orgs, routes,
                (System.nanoTime() - seedStart) / 1e9, bulk ? "bulk" : "over HTTP");
        measureOrgCreates(pool, admin, orgs);
        String[] endpoints = {"/v3/info", "/v3/organizations?per_page=50",
                "/v3/organizations?per_page=50&page=200", "/v3/organizations?per_page=50&page=2000", "/v3/spaces?per_page=50&include=organization",
                "/v3/roles?per_page=50", "/v3/users?per_page=50", "/v3/audit_events?per_page=50",
                "/v3/organizations?per_page=500&order_by=name", "/v3/organization_quotas?per_page=50",
                "/v3/isolation_segments?per_page=500", "/v3/security_groups?per_page=500",
                "/v3/domains?per_page=500", "/v3/routes?per_page=50", "/v3/routes?per_page=500"};
        System.out.println("endpoint | identity | req/s | p50 ms | p99 ms");
        for (String endpoint : endpoints) {
            for (Cf cf : new Cf[]{admin, spaceUser}) {
                measure(pool, cf, endpoint, requests);
            }
        }
        pool.shutdown();
        System.exit(0);
    }

    private static BulkDataset.Orgs seedBulk(Tck tck, Cf spaceUser, int orgs, List<String> quotas,
                                             List<String> segments) throws Exception {
        BulkDataset bulk = new BulkDataset(tck);
        BulkDataset.Orgs dataset = bulk.orgsWithSpaces(orgs, quotas);
        bulk.entitle(dataset.orgGuids(), segments);
        tck.grant(spaceUser, "organization_user", dataset.orgGuids().get(0));
        bulk.grant(Tck.userGuid(spaceUser), new BulkDataset.Orgs(dataset.orgGuids().subList(USER_EVERY, orgs),
                dataset.spaceGuids().subList(USER_EVERY, orgs)), USER_EVERY);
        tck.grant(spaceUser, "space_developer", dataset.spaceGuids().get(0));
        return dataset;
    }

    private static BulkDataset.Orgs seedOverHttp(Tck tck, ExecutorService pool, Cf admin, Cf spaceUser, int orgs,
                                                 List<String> quotas, List<String> segments) throws Exception {
        String[] orgGuids = new String[orgs];
        String[] spaceGuids = new String[orgs];
        createAll(pool, orgs, n -> {
            String org = admin.post("/v3/organizations", obj("name", Tck.unique("bench-org-" + n)))
                    .body().path("guid").asText();
            String space = admin.post("/v3/spaces", obj("name", "bench-space",
                    "relationships", obj("organization", rel(org)))).body().path("guid").asText();
            admin.post("/v3/organization_quotas/" + quotas.get(n % quotas.size()) + "/relationships/organizations",
                    obj("data", List.of(obj("guid", org))));
            admin.post("/v3/isolation_segments/" + segments.get(n % segments.size())
                    + "/relationships/organizations", obj("data", List.of(obj("guid", org))));
            if (n % USER_EVERY == 0) {
                tck.grant(spaceUser, "organization_user", org);
                tck.grant(spaceUser, "space_developer", space);
            }
            orgGuids[n] = org;
            spaceGuids[n] = space;
            return null;
        });
        return new BulkDataset.Orgs(List.of(orgGuids), List.of(spaceGuids));
    }

    @FunctionalInterface
    private interface Create {
        ApiResponse create(int n);
    }

    /** Runs {@code count} creations on the pool; the guids of what they created (null where they return none). */
    private static List<String> createAll(ExecutorService pool, int count, Create create) throws Exception {
        List<Future<ApiResponse>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> create.create(n)));
        }
        List<String> guids = new ArrayList<>();
        for (Future<ApiResponse> f : futures) {
            ApiResponse r = f.get();
            guids.add(r == null ? null : r.body().path("guid").asText(null));
        }
        return guids;
    }

    /** Organization creates per second at this table size (the case-insensitive name check is an index look-up). */
    private static void measureOrgCreates(ExecutorService pool, Cf admin, int existing) throws Exception {
        int creates = 300;
        long start = System.nanoTime();
        List<String> created = createAll(pool, creates, n -> admin.post("/v3/organizations",
                obj("name", Tck.unique("bench-create-" + n))));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (created.contains(null)) {
            throw new IllegalStateException("an organization create failed");
        }
        System.out.printf(Locale.ROOT, "POST /v3/organizations at %d orgs: %.0f creates/s%n", existing,
                creates / seconds);
    }

    /** Requests per second, p50 and p99 latency of {@code requests} GETs of {@code endpoint} as {@code cf}. */
    static void measure(ExecutorService pool, Cf cf, String endpoint, int requests) throws Exception {
        cf.get(endpoint);
        long start = System.nanoTime();
        List<Future<Long>> timings = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            timings.add(pool.submit(() -> {
                long t = System.nanoTime();
                ApiResponse r = cf.get(endpoint);
                if (r.status() != 200) {
                    throw new IllegalStateException(endpoint + " -> " + r.status());
                }
                return System.nanoTime() - t;
            }));
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            nanos[i] = timings.get(i).get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s | %s | %.0f | %.1f | %.1f%n", endpoint, cf.name(), requests / seconds,
                nanos[requests / 2] / 1e6, nanos[(int) Math.min(requests - 1, Math.ceil(requests * 0.99) - 1)] / 1e6);
    }
}

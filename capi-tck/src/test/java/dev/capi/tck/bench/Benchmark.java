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
 * across the orgs, one security group per space (up to 500) bound to it, and isolation segments entitled to orgs,
 * over HTTP; then measures the list endpoints as admin and as that space user (requests per second, p50 and p99
 * latency). Runs against {@code -Dcapi.tck.url=...} or the embedded server.
 * Arguments: {@code [orgs] [requests-per-endpoint] [threads]}.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orgs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Tck tck = Tck.get();
        Cf admin = tck.admin();
        Cf spaceUser = tck.newUser("bench-user");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long seedStart = System.nanoTime();
        List<String> quotas = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            quotas.add(admin.post("/v3/organization_quotas", obj("name", Tck.unique("bench-quota-" + q)))
                    .body().path("guid").asText());
        }
        List<String> segments = new ArrayList<>();
        for (int q = 0; q < 20; q++) {
            segments.add(admin.post("/v3/isolation_segments", obj("name", Tck.unique("bench-segment-" + q)))
                    .body().path("guid").asText());
        }
        List<Future<?>> seeding = new ArrayList<>();
        for (int i = 0; i < orgs; i++) {
            int n = i;
            seeding.add(pool.submit(() -> {
                String org = admin.post("/v3/organizations", obj("name", Tck.unique("bench-org-" + n)))
                        .body().path("guid").asText();
                String space = admin.post("/v3/spaces", obj("name", "bench-space",
                        "relationships", obj("organization", rel(org)))).body().path("guid").asText();
                admin.post("/v3/organization_quotas/" + quotas.get(n % quotas.size()) + "/relationships/organizations",
                        obj("data", List.of(obj("guid", org))));
                admin.post("/v3/isolation_segments/" + segments.get(n % segments.size())
                        + "/relationships/organizations", obj("data", List.of(obj("guid", org))));
                if (n < 500) {
                    String group = admin.post("/v3/security_groups", obj("name", Tck.unique("bench-sg-" + n)))
                            .body().path("guid").asText();
                    admin.post("/v3/security_groups/" + group + "/relationships/running_spaces",
                            obj("data", List.of(obj("guid", space))));
                }
                if (n % 10 == 0) {
                    tck.grant(spaceUser, "organization_user", org);
                    tck.grant(spaceUser, "space_developer", space);
                }
            }));
        }
        for (Future<?> f : seeding) {
            f.get();
        }
        System.out.printf(Locale.ROOT, "seeded %d orgs/spaces in %.1f s%n", orgs, (System.nanoTime() - seedStart) / 1e9);
        String[] endpoints = {"/v3/organizations?per_page=50", "/v3/spaces?per_page=50&include=organization",
                "/v3/roles?per_page=50", "/v3/users?per_page=50", "/v3/audit_events?per_page=50",
                "/v3/organizations?per_page=500&order_by=name", "/v3/organization_quotas?per_page=50",
                "/v3/isolation_segments?per_page=500", "/v3/security_groups?per_page=500"};
        System.out.println("endpoint | identity | req/s | p50 ms | p99 ms");
        for (String endpoint : endpoints) {
            for (Cf cf : new Cf[]{admin, spaceUser}) {
                measure(pool, cf, endpoint, requests);
            }
        }
        pool.shutdown();
        System.exit(0);
    }

    private static void measure(ExecutorService pool, Cf cf, String endpoint, int requests) throws Exception {
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

package dev.capi.tck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import dev.capi.tck.support.Zips;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;

/**
 * The app lifecycle benchmark: the push flow's server-side time (create app and package, upload -> READY, build and
 * the stager's callbacks -> STAGED, droplet and start -> RUNNING), measured over the internal API with the TCK as the
 * stager; then N apps over HTTP (each with its web process; a package, a droplet and a task for every fifth) and the
 * list latency of apps, processes, packages, droplets and tasks as admin.
 * Arguments: {@code [apps] [pushes] [requests-per-endpoint] [threads]}.
 */
public final class PushBenchmark {
    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int pushes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Tck tck = Tck.get();
        Cf admin = tck.admin();
        Cf stager = tck.internal();
        if (stager == null) {
            throw new IllegalStateException("the push benchmark needs the internal API (the TCK plays the stager)");
        }
        String org = admin.post("/v3/organizations", obj("name", Tck.unique("bench-push"))).body().path("guid")
                .asText();
        String space = admin.post("/v3/spaces", obj("name", "bench", "relationships",
                obj("organization", rel(org)))).body().path("guid").asText();
        String quota = admin.post("/v3/organization_quotas", obj("name", Tck.unique("bench-unlimited"))).body()
                .path("guid").asText();
        admin.post("/v3/organization_quotas/" + quota + "/relationships/organizations",
                obj("data", List.of(obj("guid", org))));

        long[][] phases = new long[pushes][3];
        for (int i = 0; i < pushes; i++) {
            phases[i] = push(admin, stager, space, i);
        }
        System.out.println("push phase | p50 ms | max ms");
        String[] names = {"create app+package, upload -> READY", "build -> STAGED (incl. stager calls)",
                "set droplet, start -> RUNNING"};
        for (int p = 0; p < 3; p++) {
            long[] values = new long[pushes];
            for (int i = 0; i < pushes; i++) {
                values[i] = phases[i][p];
            }
            Arrays.sort(values);
            System.out.printf(Locale.ROOT, "%s | %.1f | %.1f%n", names[p], values[pushes / 2] / 1e6,
                    values[pushes - 1] / 1e6);
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long seedStart = System.nanoTime();
        List<Future<?>> seeding = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            int n = i;
            seeding.add(pool.submit(() -> seedApp(admin, space, n)));
        }
        for (Future<?> f : seeding) {
            f.get();
        }
        System.out.printf(Locale.ROOT, "seeded %d apps in %.1f s%n", apps, (System.nanoTime() - seedStart) / 1e9);
        System.out.println("endpoint | identity | req/s | p50 ms | p99 ms");
        for (String endpoint : new String[]{"/v3/apps?per_page=50", "/v3/apps?per_page=500&order_by=name",
                "/v3/processes?per_page=50", "/v3/packages?per_page=50", "/v3/droplets?per_page=50",
                "/v3/tasks?per_page=50", "/v3/apps?per_page=50&include=space.organization"}) {
            Benchmark.measure(pool, admin, endpoint, requests);
        }
        pool.shutdown();
        System.exit(0);
    }

    /** One push; the time of its three phases in nanoseconds. */
    private static long[] push(Cf admin, Cf stager, String space, int n) {
        long t0 = System.nanoTime();
        String app = admin.post("/v3/apps", obj("name", Tck.unique("push-" + n), "relationships",
                obj("space", rel(space)))).body().path("guid").asText();
        String pkg = admin.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app)))).body()
                .path("guid").asText();
        admin.upload("POST", "/v3/packages/" + pkg + "/upload", new Multipart().file("bits", "app.zip",
                Zips.of(Map.of("app.rb", "puts " + n))));
        long t1 = System.nanoTime();
        ApiResponse created = admin.post("/v3/builds", obj("package", obj("guid", pkg)));
        if (created.status() != 201) {
            throw new IllegalStateException("build refused: " + created);
        }
        String build = created.body().path("guid").asText();
        stager.upload("POST", "/internal/v4/droplets/" + build + "/upload", new Multipart().file("droplet",
                "droplet.tgz", ("droplet " + n).getBytes(StandardCharsets.UTF_8)));
        stager.post("/internal/v3/staging/" + build + "/build_completed", obj("failed", false, "result",
                obj("lifecycle_type", "buildpack", "process_types", obj("web", "ruby app.rb"),
                        "lifecycle_metadata", obj("detected_buildpack", "ruby")).toString()));
        String droplet = admin.get("/v3/builds/" + build).body().path("droplet").path("guid").asText();
        long t2 = System.nanoTime();
        admin.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", droplet)));
        admin.post("/v3/apps/" + app + "/actions/start", null);
        String web = admin.get("/v3/apps/" + app + "/processes/web").body().path("guid").asText();
        JsonNode stats;
        do {
            stats = admin.get("/v3/processes/" + web + "/stats").body().path("resources");
        } while (!"RUNNING".equals(stats.path(0).path("state").asText()));
        long t3 = System.nanoTime();
        return new long[]{t1 - t0, t2 - t1, t3 - t2};
    }

    private static void seedApp(Cf admin, String space, int n) {
        String app = admin.post("/v3/apps", obj("name", "bench-app-" + n + "-" + Tck.unique(""), "relationships",
                obj("space", rel(space)))).body().path("guid").asText();
        if (n % 5 != 0) {
            return;
        }
        admin.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app))));
        String droplet = admin.post("/v3/droplets", obj("relationships", obj("app", rel(app)))).body()
                .path("guid").asText();
        ApiResponse upload = admin.upload("POST", "/v3/droplets/" + droplet + "/upload", new Multipart()
                .file("bits", "d.tgz", "d".getBytes(StandardCharsets.UTF_8)));
        admin.awaitJob(upload);
        admin.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", droplet)));
        admin.post("/v3/apps/" + app + "/tasks", obj("command", "echo bench"));
    }
}

package dev.capi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.assembly.SweeperSettings;
import dev.capi.domain.auth.Principal;
import dev.capi.model.Build;
import dev.capi.model.Droplet;
import dev.capi.model.Metadata;
import dev.capi.model.Space;
import dev.capi.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a crash: a package left processing and a build left STAGING, both untouched for an hour, are FAILED over HTTP
 * once the periodic sweep ran; an orphan blob older than the grace period disappears, a referenced one stays.
 */
class SweepersOverHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path blobs;
    private String base;

    @Test
    void stalePackagesAndBuildsFailAndOrphanBlobsGo() throws Exception {
        Database database = Database.open("jdbc:h2:mem:sweep-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                4);
        SweeperSettings settings = SweeperSettings.defaults().withExpirations(Duration.ofSeconds(60),
                Duration.ofSeconds(60)).withInterval(Duration.ofMillis(200))
                .withOrphanBlobs(Duration.ofMillis(200), Duration.ofHours(1));
        Principal admin = new Principal("admin", "admin", "uaa", "cf", Set.of(Principal.ADMIN));
        try (database; CloudController cc = CloudController.builder().database(database).blobDirectory(blobs)
                .sweepers(settings).tokenVerifier(token -> admin).build()) {
            base = "http://127.0.0.1:" + cc.start("127.0.0.1", 0);
            String org = send("POST", "/v3/organizations", "{\"name\":\"sweep-org\"}").path("guid").asText();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            cc.ports().orgsAndSpaces().spaces().insert(new Space("sweep-space", now, now, "sweep-space", org, false,
                    true, null, null, Metadata.empty()));
            String app = send("POST", "/v3/apps", "{\"name\":\"swept\",\"relationships\":{\"space\":{\"data\":"
                    + "{\"guid\":\"sweep-space\"}}}}").path("guid").asText();
            String stuck = newPackage(app);
            String fresh = newPackage(app);
            Instant old = now.minus(Duration.ofHours(1));
            cc.database().jdbi().useHandle(h -> h.createUpdate("UPDATE packages SET state = 'PROCESSING_UPLOAD', "
                    + "updated_at = CASE WHEN guid = :stuck THEN :old ELSE :now END WHERE guid IN (:stuck, :fresh)")
                    .bind("stuck", stuck).bind("fresh", fresh).bind("old", old).bind("now", now).execute());
            cc.ports().lifecycle().builds().insert(new Build("stuck-build", old, old, app, "sweep-space", org, stuck,
                    "stuck-droplet", Build.STAGING, null, "buildpack", List.of(), "cflinuxfs4", 1024, 1024, -1,
                    "admin", "admin", "", Metadata.empty()));
            cc.ports().lifecycle().droplets().insert(new Droplet("stuck-droplet", old, old, app, "sweep-space", org,
                    stuck, "stuck-build", Droplet.STAGING, null, "buildpack", Map.of(), null, List.of(), "cflinuxfs4",
                    null, null, null, null, Metadata.empty()));
            var store = cc.ports().core().blobs();
            store.put("packages/" + fresh, new ByteArrayInputStream(new byte[] {1}), Long.MAX_VALUE);
            store.put("packages/orphan", new ByteArrayInputStream(new byte[] {2}), Long.MAX_VALUE);
            store.put("droplets/recent-orphan", new ByteArrayInputStream(new byte[] {3}), Long.MAX_VALUE);
            FileTime twoHoursAgo = FileTime.from(now.minus(Duration.ofHours(2)));
            Files.setLastModifiedTime(blobs.resolve("blobs/packages/" + fresh), twoHoursAgo);
            Files.setLastModifiedTime(blobs.resolve("blobs/packages/orphan"), twoHoursAgo);

            await(() -> "FAILED".equals(send("GET", "/v3/builds/stuck-build", null).path("state").asText())
                    && "FAILED".equals(send("GET", "/v3/packages/" + stuck, null).path("state").asText())
                    && !store.exists("packages/orphan"));

            JsonNode pkg = send("GET", "/v3/packages/" + stuck, null);
            assertThat(pkg.path("data").path("error").asText()).as(pkg.toString())
                    .isEqualTo(dev.capi.domain.packages.PendingPackagesSweeper.ERROR);
            JsonNode build = send("GET", "/v3/builds/stuck-build", null);
            assertThat(build.path("error").asText()).isEqualTo("StagingTimeExpired - Staging time expired: "
                    + "staging failed");
            JsonNode droplet = send("GET", "/v3/droplets/stuck-droplet", null);
            assertThat(droplet.path("state").asText()).isEqualTo("FAILED");
            assertThat(send("GET", "/v3/packages/" + fresh, null).path("state").asText())
                    .isEqualTo("PROCESSING_UPLOAD");
            assertThat(store.exists("packages/" + fresh)).as("a referenced blob stays").isTrue();
            assertThat(store.exists("droplets/recent-orphan")).as("an orphan within the grace period stays").isTrue();
            cc.sweepNow();
            assertThat(send("GET", "/v3/packages/" + fresh, null).path("state").asText())
                    .isEqualTo("PROCESSING_UPLOAD");
        }
    }

    private String newPackage(String app) throws IOException, InterruptedException {
        return send("POST", "/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":{\"guid\":\""
                + app + "\"}}}}").path("guid").asText();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("swept within 20 seconds").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private JsonNode send(String method, String path, String body) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "bearer admin");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
            return JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

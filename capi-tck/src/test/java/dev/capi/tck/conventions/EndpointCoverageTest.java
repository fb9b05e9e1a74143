package dev.capi.tck.conventions;

import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports, for every row of the bundled endpoint inventory, whether the server routes it: a routed path never
 * answers CF-NotFound 10000. Prints {@code routed N of M}; fails only for rows whose resources are declared done.
 */
class EndpointCoverageTest {
    /** Resources whose every public row must be routed. Grows as resources land. */
    static final List<String> REQUIRED = List.of("Root", "Jobs", "Feature Flags", "Audit Events", "Users", "Roles",
            "Organization Quotas", "Space Quotas", "Info",
            "Isolation Segments", "Security Groups", "Stacks", "Registry Credentials", "Apps", "Processes", "Locks", "Environment Variable Groups",
            "Domains", "Routes", "Buildpacks", "Admin", "Service Usage Events", "App Usage Events", "Manifests", "Packages", "Resource Matches", "Droplets", "Tasks", "Sidecars", "Deployments", "Revisions",
            "Service Credential Bindings", "Service Route Bindings");

    @Test
    void reportsWhichInventoryRowsAreRouted() throws IOException {
        Path inventory = Path.of(System.getProperty("capi.tck.endpoints", "src/test/resources/endpoints.tsv"));
        List<String> rows = Files.readAllLines(inventory);
        Tck tck = Tck.get();
        int routed = 0;
        int total = 0;
        List<String> missing = new ArrayList<>();
        List<String> requiredMissing = new ArrayList<>();
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split("\t");
            if (f.length < 5) {
                continue;
            }
            total++;
            String area = f[0];
            String resource = f[1];
            String method = f[2];
            String path = f[3].replaceAll(":[a-z_]+", "00000000-0000-0000-0000-000000000000");
            // mutual-TLS rows live on the internal listener; the public one must not serve them
            var client = area.equals("internal") && tck.internal() != null ? tck.internal() : tck.admin();
            ApiResponse r = client.send(method, path, method.equals("GET") || method.equals("DELETE")
                    ? null : "{}", "application/json");
            boolean isRouted = !(r.status() == 404 && r.errorCode() == 10000);
            if (isRouted) {
                routed++;
            } else {
                missing.add(method + " " + f[3] + " (" + area + "/" + resource + ")");
                if (REQUIRED.contains(resource) && area.startsWith("public")) {
                    requiredMissing.add(method + " " + f[3]);
                }
            }
        }
        System.out.println("routed " + routed + " of " + total);
        missing.forEach(m -> System.out.println("  not routed: " + m));
        assertThat(routed).isPositive();
        assertThat(requiredMissing).isEmpty();
    }
}

package dev.capi.tck.conventions;

import dev.capi.tck.runner.Traceability;
import dev.capi.tck.support.Inventory;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit against the inventory: which rows the server routes (an anonymous request is refused, not "Unknown
 * request"), that the resources declared done are routed, and that every routed row has a test naming it
 * ({@link dev.capi.tck.support.Checks}) while every named row exists.
 */
@Tag("build")
class EndpointCoverageTest {
    /** Resources whose every public row must be routed. Grows as resources land. */
    static final List<String> REQUIRED = List.of("Root", "Jobs", "Feature Flags", "Audit Events", "Users", "Roles",
            "Organization Quotas", "Space Quotas", "Info",
            "Isolation Segments", "Security Groups", "Stacks", "Registry Credentials", "Apps", "Processes", "Locks", "Environment Variable Groups",
            "Domains", "Routes", "Buildpacks", "Admin", "Service Usage Events", "App Usage Events", "Manifests", "Packages", "Resource Matches", "Droplets", "Tasks", "Sidecars", "Deployments", "Revisions",
            "Service Brokers", "Service Offerings", "Service Plans", "Service Instances", "Service Credential Bindings",
            "Service Route Bindings");

    /**
     * Routed rows that no test names yet, listed so that the report says "not covered" for them and a new routed
     * row without a test still fails the build. Shrink it; never grow it.
     */
    static final Set<String> NOT_COVERED_YET = Set.of();

    @Test
    void reportsWhichInventoryRowsAreRouted() {
        Inventory inventory = Inventory.bundled();
        Set<String> unrouted = Traceability.unrouted(Tck.get(), inventory);
        List<String> requiredMissing = new ArrayList<>();
        for (Inventory.Row row : inventory.rows()) {
            if (unrouted.contains(row.name())) {
                System.out.println("  not routed: " + row.name() + " (" + row.area() + "/" + row.resource() + ")");
                if (REQUIRED.contains(row.resource()) && row.area().startsWith("public")) {
                    requiredMissing.add(row.name());
                }
            }
        }
        System.out.println("routed " + (inventory.rows().size() - unrouted.size()) + " of " + inventory.rows().size());
        assertThat(unrouted).hasSizeLessThan(inventory.rows().size());
        assertThat(requiredMissing).isEmpty();
    }

    @Test
    void everyRoutedRowHasATestAndEveryNamedRowExists() {
        Inventory inventory = Inventory.bundled();
        Map<String, List<String>> named = Traceability.namedRows();
        List<String> unknown = named.keySet().stream().filter(r -> inventory.row(r).isEmpty())
                .map(r -> r + " (named by " + named.get(r) + ")").toList();
        assertThat(unknown).as("rows named by @Checks that are not in endpoints.tsv").isEmpty();
        Set<String> unrouted = Traceability.unrouted(Tck.get(), inventory);
        List<String> uncovered = inventory.rows().stream().map(Inventory.Row::name)
                .filter(r -> !unrouted.contains(r) && !named.containsKey(r) && !NOT_COVERED_YET.contains(r)).toList();
        System.out.println("rows named by a test: " + named.size() + " of " + inventory.rows().size());
        assertThat(uncovered).as("routed rows no test names (@Checks)").isEmpty();
        assertThat(NOT_COVERED_YET.stream().filter(named::containsKey).toList())
                .as("rows that have a test now: remove them from NOT_COVERED_YET").isEmpty();
    }
}

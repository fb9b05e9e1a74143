package dev.capi.tck.conventions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the bad-input corpus must leave as it found it, read over HTTP as admin: per resource family, each resource of
 * the fixtures' org and space (and the newest of each global family) as its whole JSON minus links, so that a changed
 * {@code updated_at}, state, checksum or field shows, a missing guid is a deletion and a new guid a creation. Blobs are
 * covered through the package, droplet and buildpack resources (state, checksum, filename), and the newest audit and
 * usage events show any event a refused request recorded (audit events of reads, {@code *.show}, are the reference's
 * record of a successful read and are left out; an event leaving the newest few is no deletion).
 */
final class StateSnapshot {
    /** Reads the families four at a time (daemon threads: the pool lives as long as the kit). */
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors
            .newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "bad-input-snapshot");
                t.setDaemon(true);
                return t;
            });

    private final Map<String, String> resources;

    private StateSnapshot(Map<String, String> resources) {
        this.resources = resources;
    }

    /** The list paths read, each newest first: the fixtures' scope where the list filters by it, globally otherwise. */
    static List<String> families(CorpusFixtures f) {
        String inSpace = "space_guids=" + f.space;
        String inOrg = "organization_guids=" + f.org;
        return List.of("/v3/organizations?guids=" + f.org, "/v3/organizations?order_by=-created_at&per_page=5",
                "/v3/spaces?" + inOrg, "/v3/apps?" + inSpace, "/v3/packages?" + inSpace, "/v3/droplets?" + inSpace,
                "/v3/builds?" + inSpace, "/v3/processes?" + inSpace, "/v3/tasks?" + inSpace,
                "/v3/deployments?app_guids=" + f.app, "/v3/apps/" + f.app + "/sidecars",
                "/v3/apps/" + f.app + "/revisions", "/v3/apps/" + f.app + "/features",
                "/v3/routes?" + inOrg, "/v3/domains?order_by=-created_at&per_page=20",
                "/v3/service_instances?" + inSpace, "/v3/service_credential_bindings?app_guids=" + f.app,
                "/v3/service_route_bindings?service_instance_guids=" + serviceInstanceOf(f),
                "/v3/service_brokers", "/v3/service_offerings?order_by=-created_at&per_page=20",
                "/v3/service_plans?order_by=-created_at&per_page=20", "/v3/roles?" + inOrg,
                "/v3/users?order_by=-created_at&per_page=20", "/v3/security_groups?order_by=-created_at&per_page=20",
                "/v3/isolation_segments?order_by=-created_at&per_page=20",
                "/v3/organization_quotas?order_by=-created_at&per_page=20", "/v3/space_quotas?" + inOrg,
                "/v3/stacks?order_by=-created_at&per_page=20", "/v3/buildpacks?order_by=-created_at&per_page=20",
                "/v3/feature_flags", "/v3/environment_variable_groups/running",
                "/v3/environment_variable_groups/staging", "/v3/locks", "/v3/registry_credentials?" + inSpace,
                "/v3/audit_events?order_by=-created_at&per_page=20&" + inOrg,
                "/v3/audit_events?order_by=-created_at&per_page=20&target_guids="
                        + String.join(",", f.guids().stream().filter(g -> g.length() == 36).toList()),
                "/v3/app_usage_events?order_by=-created_at&per_page=50",
                "/v3/service_usage_events?order_by=-created_at&per_page=50");
    }

    private static String serviceInstanceOf(CorpusFixtures f) {
        return f.fill(new dev.capi.tck.support.Inventory.Row("", "", "GET", "/v3/service_instances/:guid", ""))
                .substring("/v3/service_instances/".length());
    }

    /**
     * Reads the families. Usage events are kept when they are the fixtures' space's; in the newest few of a global
     * family, only a fixture or a resource unknown before counts (another test's resource may still be going away).
     */
    static StateSnapshot take(Cf admin, List<String> families, CorpusFixtures f) {
        Map<String, String> resources = new TreeMap<>();
        List<java.util.concurrent.Future<ApiResponse>> answers = new ArrayList<>();
        for (String family : families) {
            answers.add(POOL.submit(() -> admin.get(family)));
        }
        for (int i = 0; i < families.size(); i++) {
            String family = families.get(i);
            ApiResponse r = answer(answers.get(i));
            String key = family.replaceAll("\\?.*", "") + (family.contains("order_by=-created_at") ? " newest" : "");
            boolean usage = family.contains("_usage_events");
            if (r.status() != 200) {
                resources.put(key + " (status)", Integer.toString(r.status()));
                continue;
            }
            JsonNode list = r.body().has("resources") ? r.body().path("resources") : null;
            if (list == null) {
                resources.put(key, withoutLinks(r.body()));
                continue;
            }
            for (JsonNode resource : list) {
                if (resource.path("type").asText().endsWith(".show")
                        || usage && !f.space.equals(resource.path("space").path("guid").asText())) {
                    continue;
                }
                String id = resource.has("guid") ? resource.path("guid").asText() : resource.path("name").asText();
                resources.put(key + " " + id, withoutLinks(resource));
            }
        }
        return new StateSnapshot(resources);
    }

    private static ApiResponse answer(java.util.concurrent.Future<ApiResponse> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String withoutLinks(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.remove("links");
            return copy.toString();
        }
        return node.toString();
    }

    /** Every difference from {@code before}: "created", "deleted" or "changed", with the resource. */
    List<String> changesSince(StateSnapshot before, java.util.Set<String> fixtures) {
        List<String> changes = new ArrayList<>();
        resources.forEach((id, json) -> {
            String old = before.resources.get(id);
            if (old == null) {
                changes.add("created " + id + ": " + json);
            } else if (!old.equals(json) && watched(id, fixtures)) {
                changes.add("changed " + id + ": " + old + " -> " + json);
            }
        });
        before.resources.keySet().stream().filter(id -> !resources.containsKey(id) && !id.contains(" newest ")
                        || id.contains(" newest ") && !id.contains("_events ") && watched(id, fixtures)
                        && !resources.containsKey(id))
                .forEach(id -> changes.add("deleted " + id));
        return changes;
    }

    /** A resource of a scoped family, or a fixture among the newest of a global one. */
    private static boolean watched(String id, java.util.Set<String> fixtures) {
        return !id.contains(" newest ") || fixtures.contains(id.substring(id.lastIndexOf(' ') + 1));
    }
}

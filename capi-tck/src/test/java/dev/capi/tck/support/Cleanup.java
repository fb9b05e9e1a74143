package dev.capi.tck.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes what a run left in the target: its organizations (with their spaces, apps, routes ...), the global
 * resources whose names carry {@link Tck#RUN_PREFIX}, and the users it created (Cloud Controller user and SCIM
 * account). Best effort: every failure is collected and reported, none stops the rest.
 */
public final class Cleanup {
    /** Global resources named by the run, deleted after the orgs that may use them; name field per list. */
    private static final List<String> GLOBAL_LISTS = List.of("/v3/security_groups", "/v3/isolation_segments",
            "/v3/domains", "/v3/buildpacks", "/v3/organization_quotas", "/v3/stacks");

    private final Tck tck;
    private final List<String> problems = new ArrayList<>();
    private int removed;

    public Cleanup(Tck tck) {
        this.tck = tck;
    }

    /** Runs the cleanup; returns a one-line account. */
    public String run() {
        Cf admin = tck.admin();
        Set<String> orgs = new LinkedHashSet<>(tck.created().orgs());
        orgs.addAll(named(admin, "/v3/organizations"));
        deleteAll(admin, orgs.stream().map(g -> "/v3/organizations/" + g).toList());
        for (String list : GLOBAL_LISTS) {
            deleteAll(admin, named(admin, list).stream().map(g -> list + "/" + g).toList());
        }
        Set<String> users = new LinkedHashSet<>(tck.created().users());
        admin.get("/v3/users?per_page=5000").body().path("resources").forEach(u -> {
            if (ours(u.path("username").asText("")) || ours(u.path("guid").asText(""))) {
                users.add(u.path("guid").asText());
            }
        });
        deleteAll(admin, users.stream().map(g -> "/v3/users/" + g).toList());
        for (String user : users) {
            int status = admin.delete(tck.uaaUrl() + "/Users/" + user).status();
            if (status != 200 && status != 404) {
                problems.add("SCIM DELETE /Users/" + user + ": " + status);
            }
        }
        return "cleanup: " + removed + " resources removed" + (problems.isEmpty() ? ""
                : ", " + problems.size() + " left behind:\n  " + String.join("\n  ", problems));
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * A user this run made: its name, or the guid a test gave a user the Cloud Controller had not seen, starts with
     * the run's prefix.
     */
    private static boolean ours(String nameOrGuid) {
        return nameOrGuid.regionMatches(true, 0, Tck.RUN_PREFIX, 0, Tck.RUN_PREFIX.length());
    }

    /** The resources of a list whose name contains the run's prefix, in any case (some tests vary the case). */
    private static List<String> named(Cf admin, String list) {
        List<String> guids = new ArrayList<>();
        JsonNode resources = admin.get(list + "?per_page=5000").body().path("resources");
        resources.forEach(r -> {
            if (r.path("name").asText("").toLowerCase(java.util.Locale.ROOT)
                    .contains(Tck.RUN_PREFIX.toLowerCase(java.util.Locale.ROOT))) {
                guids.add(r.path("guid").asText());
            }
        });
        return guids;
    }

    /** Sends every DELETE first, then waits for the jobs the 202s point to. */
    private void deleteAll(Cf admin, List<String> paths) {
        List<ApiResponse> accepted = new ArrayList<>();
        List<String> acceptedPaths = new ArrayList<>();
        for (String path : paths) {
            try {
                ApiResponse r = admin.delete(path);
                if (r.status() == 202) {
                    accepted.add(r);
                    acceptedPaths.add(path);
                } else if (r.status() == 204) {
                    removed++;
                } else if (r.status() != 404) {
                    problems.add("DELETE " + path + ": " + r);
                }
            } catch (RuntimeException e) {
                problems.add("DELETE " + path + ": " + e.getMessage());
            }
        }
        for (int i = 0; i < accepted.size(); i++) {
            try {
                JsonNode job = admin.awaitJob(accepted.get(i));
                if ("COMPLETE".equals(job.path("state").asText())) {
                    removed++;
                } else {
                    problems.add("DELETE " + acceptedPaths.get(i) + ": job " + job.path("state").asText() + " "
                            + job.path("errors"));
                }
            } catch (RuntimeException | AssertionError e) {
                problems.add("DELETE " + acceptedPaths.get(i) + ": " + e.getMessage());
            }
        }
    }
}

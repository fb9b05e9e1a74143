package dev.capi.tck.support;

import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.fail;

/**
 * One logged-in client per {@link Role} around one org and space (space-role holders are also org users, as CF
 * requires). {@link #check} runs a request as every role and reports every mismatch at once.
 */
public final class Actors {
    private final Map<Role, Cf> clients = new EnumMap<>(Role.class);
    private final String orgGuid;
    private final String spaceGuid;

    Actors(Tck tck, String orgGuid, String spaceGuid) {
        this.orgGuid = orgGuid;
        this.spaceGuid = spaceGuid;
        for (Role role : Role.values()) {
            clients.put(role, tck.actor(role, orgGuid, spaceGuid));
        }
    }

    /**
     * The client acting as {@code role}; a role the kit could not obtain (a global role of an external server whose
     * credentials were not given) aborts the test, which is then reported SKIPPED with the reason.
     */
    public Cf as(Role role) {
        Cf cf = clients.get(role);
        if (cf == null) {
            Assumptions.abort(Tck.missingRoleReason(role));
        }
        return cf;
    }

    /** Whether the kit holds a client for {@code role}. */
    public boolean has(Role role) {
        return clients.get(role) != null;
    }

    /** The given roles the kit could obtain, in order (loops over roles skip the others). */
    public List<Role> obtainable(Role... roles) {
        return obtainable(List.of(roles));
    }

    public List<Role> obtainable(List<Role> roles) {
        return roles.stream().filter(this::has).toList();
    }

    public String orgGuid() {
        return orgGuid;
    }

    public String spaceGuid() {
        return spaceGuid;
    }

    /** A new app (named {@code prefix} plus a random suffix) in the space, created by the space developer. */
    public String newApp(String prefix) {
        ApiResponse r = as(Role.SPACE_DEVELOPER).post("/v3/apps", Json.obj("name", Tck.unique(prefix),
                "relationships", Json.obj("space", Json.rel(spaceGuid))));
        if (r.status() != 201) {
            fail("creating an app: " + r);
        }
        return r.body().path("guid").asText();
    }

    /** Runs {@code request} as each role (skipping roles the target server cannot provide) and compares statuses. */
    public void check(Expect expect, Function<Cf, ApiResponse> request) {
        List<String> mismatches = new ArrayList<>();
        for (Role role : Role.values()) {
            Cf cf = clients.get(role);
            if (cf == null || expect.status(role) == Expect.SKIP) {
                continue;
            }
            ApiResponse r = request.apply(cf);
            if (r.status() != expect.status(role)) {
                mismatches.add(role + ": expected " + expect.status(role) + " but got " + r);
            }
        }
        if (!mismatches.isEmpty()) {
            fail(String.join("\n", mismatches));
        }
    }
}

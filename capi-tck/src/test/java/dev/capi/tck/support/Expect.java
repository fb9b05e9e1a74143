package dev.capi.tck.support;

import java.util.EnumMap;
import java.util.Map;

/** A role matrix row as the reference's specs write it: a default status, then overrides. */
public final class Expect {
    private final Map<Role, Integer> statuses = new EnumMap<>(Role.class);

    private Expect(int byDefault) {
        for (Role r : Role.values()) {
            statuses.put(r, byDefault);
        }
    }

    /** A status meaning "do not send this request as this role" (e.g. a destructive call checked elsewhere). */
    public static final int SKIP = -1;

    public static Expect byDefault(int status) {
        return new Expect(status);
    }

    public Expect and(int status, Role... roles) {
        for (Role r : roles) {
            statuses.put(r, status);
        }
        return this;
    }

    public int status(Role role) {
        return statuses.get(role);
    }
}

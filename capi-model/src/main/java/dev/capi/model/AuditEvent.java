package dev.capi.model;

import java.time.Instant;
import java.util.Map;

/** An audit event: who did what to which resource, where. */
public record AuditEvent(String guid, Instant createdAt, String type, Actor actor, Target target,
                         Map<String, Object> data, String spaceGuid, String organizationGuid) {

    /** The actor of an event: usually a user, sometimes a process or app. */
    public record Actor(String guid, String type, String name) {
    }

    /** The resource an event is about. */
    public record Target(String guid, String type, String name) {
    }
}

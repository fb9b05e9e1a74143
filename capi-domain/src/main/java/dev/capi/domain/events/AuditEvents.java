package dev.capi.domain.events;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.support.Guids;
import dev.capi.model.AuditEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Records audit events; call it inside the transaction of the change the event describes. */
public final class AuditEvents {
    private final AuditEventRepository repository;
    private final Clock clock;
    private final Guids guids;

    public AuditEvents(AuditEventRepository repository, Clock clock, Guids guids) {
        this.repository = repository;
        this.clock = clock;
        this.guids = guids;
    }

    /** The usual actor: the calling user. */
    public static AuditEvent.Actor actor(Principal p) {
        String name = p.userName() != null ? p.userName() : "";
        return new AuditEvent.Actor(p.userGuid(), "user", name);
    }

    public AuditEvent record(String type, Principal principal, AuditEvent.Target target, String spaceGuid,
                             String organizationGuid, Map<String, Object> data) {
        return record(type, actor(principal), target, spaceGuid, organizationGuid, data);
    }

    public AuditEvent record(String type, AuditEvent.Actor actor, AuditEvent.Target target, String spaceGuid,
                             String organizationGuid, Map<String, Object> data) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEvent event = new AuditEvent(guids.next(), now, type, actor, target, data, spaceGuid, organizationGuid);
        repository.insert(event);
        return event;
    }
}

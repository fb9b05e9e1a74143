package dev.capi.domain.events;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AuditEvent;

import java.util.Optional;

/**
 * Port: audit events. List filters: types, target_guids, target_guids[not], space_guids, organization_guids, guids.
 * Visibility: space roles match the event's space; org roles match the event's organization.
 */
public interface AuditEventRepository {
    void insert(AuditEvent event);

    Optional<AuditEvent> find(String guid);

    Page<AuditEvent> list(ListQuery query);

    /** Deletes events created before {@code cutoff}; returns how many. */
    int deleteOlderThan(java.time.Instant cutoff);
}

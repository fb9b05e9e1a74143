package dev.capi.domain.events;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;

/** Reading audit events: the list and one event, each limited to the events the principal may see. */
public final class AuditEventQueries {
    private final AuditEventRepository repository;
    private final Transactions tx;

    public AuditEventQueries(AuditEventRepository repository, Transactions tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /** The events matching the query that the principal may see ({@link Permissions#eventVisibility}). */
    public Page<AuditEvent> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.eventVisibility())));
    }

    /** The event if the principal may see it, else 404 "Event not found". */
    public AuditEvent get(Permissions perms, String guid) {
        return tx.inTransaction(() -> repository.find(guid)
                .filter(e -> perms.canReadEvent(e.spaceGuid(), e.organizationGuid()))
                .orElseThrow(() -> CfException.notFound("Event")));
    }
}

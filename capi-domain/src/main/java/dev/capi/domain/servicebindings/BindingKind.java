package dev.capi.domain.servicebindings;

import dev.capi.model.AuditEvent;
import dev.capi.model.BindingOperation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bind and unbind jobs and the poller need of one kind of binding (credential or route), so that one job
 * flow and one poller serve both: its rows, its broker request extras, and its audit events.
 */
interface BindingKind {
    /** One binding as the job flow sees it. */
    record Row(String guid, String instanceGuid, BindingOperation lastOperation, String brokerOperation,
               String appGuid, Map<String, Object> bindResource) {
    }

    /** {@code route}: route bindings (the broker's answer may carry a route service URL). */
    boolean route();

    Optional<Row> find(String guid);

    void saveOperation(String guid, BindingOperation op, String brokerOperation);

    void saveBound(String guid, BrokerOutcome.Bound bound, BindingOperation op);

    /** Removes the binding (unbound) and records the delete event. */
    void remove(String guid, AuditEvent.Actor actor);

    /** Records {@code start_create}, {@code create} or {@code start_delete} for the binding. */
    void event(String action, String guid, AuditEvent.Actor actor);

    Optional<BindingRequest> request(String guid);

    void clearParameters(String guid);

    void schedule(String guid, PollSchedule schedule);

    Optional<PollSchedule> schedule(String guid);

    void unschedule(String guid);

    List<String> claimDue(Instant now, int limit);

    /** The job operations of this kind: create and delete, per binding type where the reference names them so. */
    List<String> createJobs();

    List<String> deleteJobs();
}

package dev.capi.domain.servicebindings;

import dev.capi.model.App;
import dev.capi.model.AuditEvent;
import dev.capi.model.BindingOperation;
import dev.capi.model.ServiceCredentialBinding;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Credential bindings (app bindings and keys) for the job flow and the poller. */
final class CredentialBindingKind implements BindingKind {
    private final BindingContext c;
    private final BindingEvents events;

    CredentialBindingKind(BindingContext c) {
        this.c = c;
        this.events = new BindingEvents(c.audit(), c.spaces());
    }

    @Override
    public boolean route() {
        return false;
    }

    @Override
    public Optional<Row> find(String guid) {
        return c.credentialBindings().find(guid).map(b -> new Row(b.guid(), b.serviceInstanceGuid(),
                b.lastOperation(), b.brokerOperation(), b.appGuid(), bindResource(b)));
    }

    private Map<String, Object> bindResource(ServiceCredentialBinding b) {
        if (b.appGuid() == null) {
            return Map.of();
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("app_guid", b.appGuid());
        m.put("space_guid", c.apps().find(b.appGuid()).map(App::spaceGuid).orElse(b.spaceGuid()));
        return m;
    }

    @Override
    public void saveOperation(String guid, BindingOperation op, String brokerOperation) {
        c.credentialBindings().find(guid).ifPresent(b -> c.credentialBindings().update(
                b.withOperation(op, brokerOperation)));
    }

    @Override
    public void saveBound(String guid, BrokerOutcome.Bound bound, BindingOperation op) {
        c.credentialBindings().find(guid).ifPresent(b -> c.credentialBindings().update(
                b.withResult(bound.credentials(), bound.syslogDrainUrl(), bound.volumeMounts(), op)));
    }

    @Override
    public void remove(String guid, AuditEvent.Actor actor) {
        c.credentialBindings().find(guid).ifPresent(b -> {
            c.metadataStore().delete(guid);
            c.credentialBindings().delete(guid);
            events.credential("delete", actor, b, BindingEvents.deleteRequest(b.appGuid(), null,
                    b.serviceInstanceGuid()));
        });
    }

    @Override
    public void event(String action, String guid, AuditEvent.Actor actor) {
        c.credentialBindings().find(guid).ifPresent(b -> {
            Map<String, Object> request = action.endsWith("delete")
                    ? BindingEvents.deleteRequest(b.appGuid(), null, b.serviceInstanceGuid()) : createRequest(b);
            events.credential(action, actor, b, request);
        });
    }

    private static Map<String, Object> createRequest(ServiceCredentialBinding b) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", b.type());
        if (b.name() != null) {
            m.put("name", b.name());
        }
        var relationships = new LinkedHashMap<String, Object>();
        relationships.put("service_instance", Map.of("data", Map.of("guid", b.serviceInstanceGuid())));
        if (b.appGuid() != null) {
            relationships.put("app", Map.of("data", Map.of("guid", b.appGuid())));
        }
        m.put("relationships", relationships);
        return m;
    }

    @Override
    public Optional<BindingRequest> request(String guid) {
        return c.credentialBindings().request(guid);
    }

    @Override
    public void clearParameters(String guid) {
        c.credentialBindings().clearParameters(guid);
    }

    @Override
    public void schedule(String guid, PollSchedule schedule) {
        c.credentialBindings().schedule(guid, schedule);
    }

    @Override
    public Optional<PollSchedule> schedule(String guid) {
        return c.credentialBindings().schedule(guid);
    }

    @Override
    public void unschedule(String guid) {
        c.credentialBindings().unschedule(guid);
    }

    @Override
    public List<String> claimDue(Instant now, int limit) {
        return c.credentialBindings().claimDue(now, limit);
    }

    @Override
    public List<String> createJobs() {
        return List.of(CredentialBindingCreate.APP_JOB, CredentialBindingCreate.KEY_JOB);
    }

    @Override
    public List<String> deleteJobs() {
        return List.of(CredentialBindings.APP_DELETE_JOB, CredentialBindings.KEY_DELETE_JOB);
    }
}

package dev.capi.domain.servicebindings;

import dev.capi.domain.serviceinstances.InstanceBindings;
import dev.capi.model.App;
import dev.capi.model.AuditEvent;
import dev.capi.model.BindingOperation;
import dev.capi.model.Job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Unbinds through the broker the bindings that go with something else: an instance being deleted (its route
 * bindings, app bindings and keys) or an app being deleted (its app bindings), as the reference's bindings-delete
 * mixin does. A synchronous unbind removes the binding (audit {@code delete}); an asynchronous one leaves it
 * {@code delete in progress} (audit {@code start_delete}) with an unbind job the poller finishes; a refusal stores the
 * failed delete. Each binding not gone yet yields the reference's message, for the caller's job error.
 */
public final class BindingRemoval implements InstanceBindings {
    static final String BLOCKED = "The delete request was rejected due to an operation being in progress for the "
            + "service binding.";
    static final String BROKER_CONCURRENCY = "The service broker rejected the request due to an operation being in "
            + "progress for the service binding.";

    private final BindingContext c;
    private final BindingBroker broker;
    private final CredentialBindingKind credentials;
    private final RouteBindingKind routes;

    public BindingRemoval(BindingContext c) {
        this.c = c;
        this.broker = new BindingBroker(c);
        this.credentials = new CredentialBindingKind(c);
        this.routes = new RouteBindingKind(c);
    }

    @Override
    public List<String> unbindAll(String instanceGuid, String actorGuid, String actorName) {
        BindableInstance instance = c.instances().find(instanceGuid).orElse(null);
        if (instance == null) {
            return List.of();
        }
        List<String> failures = new ArrayList<>();
        for (String guid : c.routeBindings().ofInstance(instanceGuid)) {
            if (actorGuid != null) {
                c.routeBindings().recordActor(guid, actorGuid, actorName);
            }
            unbind(routes, guid, instance, RouteBindings.DELETE_JOB).ifPresent(failures::add);
        }
        List<String> keys = new ArrayList<>();
        for (String guid : c.credentialBindings().ofInstance(instanceGuid)) {
            var binding = c.credentialBindings().find(guid).orElse(null);
            if (binding == null) {
                continue;
            }
            if (binding.isKey()) {
                keys.add(guid);
                continue;
            }
            if (actorGuid != null) {
                c.credentialBindings().recordActor(guid, actorGuid, actorName);
            }
            unbind(credentials, guid, instance, CredentialBindings.APP_DELETE_JOB).ifPresent(failures::add);
        }
        for (String guid : keys) {
            if (actorGuid != null) {
                c.credentialBindings().recordActor(guid, actorGuid, actorName);
            }
            unbind(credentials, guid, instance, CredentialBindings.KEY_DELETE_JOB).ifPresent(failures::add);
        }
        return failures;
    }

    /** Unbinds an app's bindings (the app is being deleted); the messages of those not gone yet. */
    public List<String> unbindApp(String appGuid, String actorGuid, String actorName) {
        List<String> failures = new ArrayList<>();
        for (String guid : c.credentialBindings().ofApp(appGuid)) {
            var binding = c.credentialBindings().find(guid).orElse(null);
            BindableInstance instance = binding == null ? null
                    : c.instances().find(binding.serviceInstanceGuid()).orElse(null);
            if (instance == null || instance.userProvided()) {
                continue;
            }
            if (actorGuid != null) {
                c.credentialBindings().recordActor(guid, actorGuid, actorName);
            }
            unbind(credentials, guid, instance, CredentialBindings.APP_DELETE_JOB).ifPresent(failures::add);
        }
        return failures;
    }

    private java.util.Optional<String> unbind(BindingKind kind, String guid, BindableInstance instance,
                                              String deleteJob) {
        BindingKind.Row row = kind.find(guid).orElse(null);
        if (row == null) {
            return java.util.Optional.empty();
        }
        AuditEvent.Actor actor = kind.request(guid).map(r -> new AuditEvent.Actor(r.actorGuid(), "user",
                r.actorName() == null ? "" : r.actorName())).orElse(new AuditEvent.Actor("", "user", ""));
        if (instance.userProvided()) {
            kind.remove(guid, actor);
            return java.util.Optional.empty();
        }
        BindingOperation op = row.lastOperation();
        if (op.is(BindingOperation.CREATE, BindingOperation.INITIAL)
                || op.is(BindingOperation.DELETE, BindingOperation.IN_PROGRESS)) {
            return java.util.Optional.of(BLOCKED);
        }
        BrokerOutcome outcome = broker.unbind(instance, guid, kind.request(guid).orElse(null));
        Instant now = c.now();
        if (outcome instanceof BrokerOutcome.Unbound) {
            kind.remove(guid, actor);
            return java.util.Optional.empty();
        }
        if (outcome instanceof BrokerOutcome.Accepted accepted) {
            kind.event("start_delete", guid, actor);
            kind.saveOperation(guid, op.next(BindingOperation.DELETE, BindingOperation.IN_PROGRESS, null, now),
                    accepted.operation());
            Job job = c.jobs().enqueue(deleteJob, kind.route() ? RouteBindings.RESOURCE_TYPE
                    : CredentialBindingCreate.RESOURCE_TYPE, guid);
            Integer max = instance.plan().maximumPollingDuration();
            kind.schedule(guid, new PollSchedule(job.guid(), now, now.plus(max == null
                    ? c.brokerSettings().maximumPollingDuration() : Duration.ofSeconds(max))));
            c.jobs().markPolling(job);
            return java.util.Optional.of(inProgress(row, instance));
        }
        String message = outcome instanceof BrokerOutcome.Failed f ? f.message() : "unexpected broker answer";
        if (BROKER_CONCURRENCY.equals(message)) {
            return java.util.Optional.of(message);
        }
        String description = "Service broker failed to delete service binding for instance " + instance.name()
                + ": " + message;
        kind.saveOperation(guid, op.next(BindingOperation.DELETE, BindingOperation.FAILED, description, now),
                row.brokerOperation());
        return java.util.Optional.of(description);
    }

    private String inProgress(BindingKind.Row row, BindableInstance instance) {
        if (row.appGuid() != null) {
            String app = c.apps().find(row.appGuid()).map(App::name).orElse("");
            return "An operation for the service binding between app " + app + " and service instance "
                    + instance.name() + " is in progress.";
        }
        return "An operation for a service binding of service instance " + instance.name() + " is in progress.";
    }
}

package dev.capi.domain.servicebindings;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.BindingOperation;
import dev.capi.model.Job;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.ServiceCredentialBinding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Service credential bindings: list and get (visible through the binding's space), details (credentials; secret
 * readers only, create succeeded only), parameters (fetched from the broker), metadata update, and delete (at once for
 * user-provided instances, through the broker in a job — {@code service_bindings.delete} /
 * {@code service_keys.delete} — for managed ones).
 */
public final class CredentialBindings {
    public static final String APP_DELETE_JOB = "service_bindings.delete";
    public static final String KEY_DELETE_JOB = "service_keys.delete";

    private final BindingContext c;
    private final BindingAccess access;
    private final BindingEvents events;

    public CredentialBindings(BindingContext c) {
        this.c = c;
        this.access = new BindingAccess(c);
        this.events = new BindingEvents(c.audit(), c.spaces());
    }

    public Page<ServiceCredentialBinding> list(Permissions perms, ListQuery query) {
        return c.tx().inTransaction(() -> c.credentialBindings().list(query.withVisibility(perms.spaceVisibility())));
    }

    public ServiceCredentialBinding get(Permissions perms, String guid) {
        return c.tx().inTransaction(() -> visible(perms, guid));
    }

    /** The instances of bindings, for {@code include=service_instance} (those the caller may read). */
    public Optional<BindableInstance> instance(String guid) {
        return c.tx().inTransaction(() -> c.instances().find(guid));
    }

    /** The apps of bindings, oldest first (for {@code include=app}); one read. */
    public java.util.List<dev.capi.model.App> appsOf(java.util.List<ServiceCredentialBinding> bindings) {
        var guids = bindings.stream().map(ServiceCredentialBinding::appGuid).filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (guids.isEmpty()) {
            return java.util.List.of();
        }
        return c.tx().inTransaction(() -> c.apps().findAll(guids).stream()
                .sorted(java.util.Comparator.comparing(dev.capi.model.App::createdAt)
                        .thenComparing(dev.capi.model.App::guid)).toList());
    }

    ServiceCredentialBinding visible(Permissions perms, String guid) {
        return c.credentialBindings().find(guid).filter(b -> access.canRead(perms, b.spaceGuid()))
                .orElseThrow(() -> CfException.notFound("Service credential binding"));
    }

    /** Credentials, syslog drain URL and volume mounts; recorded as {@code audit.service_binding.show} (or key). */
    public ServiceCredentialBinding details(Permissions perms, String guid) {
        return c.tx().inTransaction(() -> {
            ServiceCredentialBinding b = visible(perms, guid);
            if (!perms.canReadSecretsInSpace(b.spaceGuid())) {
                throw CfException.notFound("Service credential binding");
            }
            requireCreated(b);
            var request = new LinkedHashMap<String, Object>();
            request.put("service_instance_guid", b.serviceInstanceGuid());
            if (b.appGuid() != null) {
                request.put("app_guid", b.appGuid());
            }
            events.credential("show", AuditEvents.actor(perms.principal()), b, request);
            return b;
        });
    }

    /** The binding's parameters as the broker holds them ({@code GET .../parameters}). */
    public Map<String, Object> parameters(Permissions perms, String guid) {
        record Target(ServiceCredentialBinding binding, BindableInstance instance) {
        }
        Target t = c.tx().inTransaction(() -> {
            ServiceCredentialBinding b = visible(perms, guid);
            requireCreated(b);
            return new Target(b, c.instances().find(b.serviceInstanceGuid()).orElseThrow(
                    () -> CfException.notFound("Service credential binding")));
        });
        return fetchParameters(t.instance(), t.binding().guid(), perms);
    }

    static Map<String, Object> fetchParameters(BindableInstance instance, String bindingGuid, Permissions perms,
                                               BindingContext c) {
        if (instance.userProvided() || !instance.plan().bindingsRetrievable()) {
            throw CfException.of(CfError.ServiceFetchBindingParametersNotSupported);
        }
        BrokerReply reply;
        try {
            reply = c.brokers().fetchBinding(instance.plan().broker(), instance.guid(), bindingGuid,
                    Optional.ofNullable(perms.principal().userGuid()));
        } catch (BrokerUnreachable e) {
            throw CfException.of(CfError.ServiceUnavailable, BrokerReplies.unreachable(e,
                    instance.plan().broker().url()).message());
        }
        if (reply.status() != 200 || reply.malformed()) {
            throw CfException.of(CfError.ServiceUnavailable, "The service broker returned an invalid response. "
                    + "Status Code: " + reply.status());
        }
        Object parameters = reply.body().get("parameters");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = parameters instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return result;
    }

    private Map<String, Object> fetchParameters(BindableInstance instance, String bindingGuid, Permissions perms) {
        return fetchParameters(instance, bindingGuid, perms, c);
    }

    private static void requireCreated(ServiceCredentialBinding b) {
        BindingOperation op = b.lastOperation();
        if (!op.is(BindingOperation.CREATE, BindingOperation.SUCCEEDED)) {
            String operation = BindingOperation.CREATE.equals(op.type()) ? "Creation" : "Deletion";
            throw CfException.of(CfError.ResourceNotFound, operation + " of service " + (b.isKey() ? "key" : "binding")
                    + " " + op.state());
        }
    }

    /** Labels and annotations; recorded as {@code audit.service_binding.update} (or key). */
    public ServiceCredentialBinding update(Permissions perms, String guid, MetadataUpdate metadata,
                                           Map<String, Object> auditRequest) {
        return c.tx().inTransaction(() -> {
            ServiceCredentialBinding b = visible(perms, guid);
            access.requireWriter(perms, b.spaceGuid());
            if (BindingOperation.DELETE.equals(b.lastOperation().type()) && b.lastOperation().inProgress()) {
                throw CfException.unprocessable("The service binding is being deleted");
            }
            var updated = b.withMetadata(c.metadata().apply(b.guid(), "service_credential_binding", b.metadata(),
                    metadata));
            events.credential("update", AuditEvents.actor(perms.principal()), updated, auditRequest);
            return updated;
        });
    }

    /** Deleted now (user-provided: empty) or the job deleting it through the broker (managed). */
    public Optional<Job> delete(Permissions perms, String guid) {
        return c.tx().inTransaction(() -> {
            ServiceCredentialBinding b = visible(perms, guid);
            if (b.isKey()) {
                access.requireWriter(perms, b.spaceGuid());
            } else {
                access.requireAppManager(perms, b.spaceGuid());
            }
            BindingOperation op = b.lastOperation();
            if (op.is(BindingOperation.CREATE, BindingOperation.INITIAL)
                    || op.is(BindingOperation.DELETE, BindingOperation.IN_PROGRESS)) {
                throw CfException.unprocessable("There is an operation in progress for the service binding.");
            }
            BindableInstance instance = c.instances().find(b.serviceInstanceGuid()).orElse(null);
            if (instance != null && instance.operationInProgress()) {
                throw CfException.unprocessable("There is an operation in progress for the service instance.");
            }
            if (instance != null && !instance.userProvided()) {
                c.credentialBindings().recordActor(b.guid(), perms.principal().userGuid(),
                        perms.principal().userName());
                return Optional.of(c.jobs().enqueue(b.isKey() ? KEY_DELETE_JOB : APP_DELETE_JOB,
                        CredentialBindingCreate.RESOURCE_TYPE, b.guid()));
            }
            c.metadataStore().delete(b.guid());
            c.credentialBindings().delete(b.guid());
            events.credential("delete", AuditEvents.actor(perms.principal()), b,
                    BindingEvents.deleteRequest(b.appGuid(), null, b.serviceInstanceGuid()));
            return Optional.empty();
        });
    }
}

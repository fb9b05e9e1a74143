package dev.capi.domain.servicebindings;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.model.App;
import dev.capi.model.BindingOperation;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceCredentialBinding;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /v3/service_credential_bindings}: app bindings and service keys. The request checks the instance and
 * app (422 when not readable), the caller's rights (403), and the reference's precursor rules, then stores the binding
 * with last operation {@code create initial}. A user-provided instance's app binding completes at once with the
 * instance's credentials and syslog drain URL; a managed instance's binding or key is created by the broker in a job
 * ({@code service_bindings.create} / {@code service_keys.create}).
 */
public final class CredentialBindingCreate {
    public static final String APP_JOB = "service_bindings.create";
    public static final String KEY_JOB = "service_keys.create";
    public static final String RESOURCE_TYPE = "service_credential_binding";
    private static final Pattern NAME = Pattern.compile("[\\w-]+");
    private static final int MAX_BINDINGS_PER_APP_AND_INSTANCE = 1;

    private final BindingContext c;
    private final BindingAccess access;
    private final BindingEvents events;

    public CredentialBindingCreate(BindingContext c) {
        this.c = c;
        this.access = new BindingAccess(c);
        this.events = new BindingEvents(c.audit(), c.spaces());
    }

    /** The created binding (user-provided: 201) or the job creating it (managed: 202). */
    public record Created(ServiceCredentialBinding binding, Job job) {
    }

    public Created create(Permissions perms, BindingCommands.CreateCredential cmd) {
        return c.tx().inTransaction(() -> {
            BindableInstance instance = access.readableInstance(perms, cmd.serviceInstanceGuid(), true);
            if (instance.userProvided() && cmd.parameters() != null) {
                throw CfException.unprocessable(
                        "Binding parameters are not supported for user-provided service instances");
            }
            return ServiceCredentialBinding.APP.equals(cmd.type()) ? appBinding(perms, cmd, instance)
                    : key(perms, cmd, instance);
        }, () -> CfException.unprocessable("The app is already bound to the service instance"));
    }

    /**
     * A manifest's {@code services:} entry: binds the app to the instance of that name in the app's space (or shared
     * into it) unless it is bound already; never creates an instance ("Service instance 'x' not found").
     */
    public void bindFromManifest(Permissions perms, App app, String instanceName) {
        c.tx().run(() -> {
            BindableInstance instance = c.instances().named(app.spaceGuid(), instanceName)
                    .filter(i -> i.allSpaceGuids().stream().anyMatch(s -> access.canRead(perms, s)))
                    .orElseThrow(() -> CfException.unprocessable("Service instance '" + instanceName
                            + "' not found"));
            boolean bound = c.credentialBindings().appBindings(instance.guid(), app.guid()).stream()
                    .anyMatch(b -> !b.lastOperation().is(BindingOperation.CREATE, BindingOperation.FAILED));
            if (!bound) {
                var request = new java.util.LinkedHashMap<String, Object>();
                request.put("type", ServiceCredentialBinding.APP);
                request.put("relationships", java.util.Map.of("service_instance", java.util.Map.of("data",
                        java.util.Map.of("guid", instance.guid())), "app", java.util.Map.of("data",
                        java.util.Map.of("guid", app.guid()))));
                request.put("manifest_triggered", true);
                appBinding(perms, new BindingCommands.CreateCredential(ServiceCredentialBinding.APP, null,
                        instance.guid(), app.guid(), null, null, null, request), instance);
            }
        });
    }

    private Created appBinding(Permissions perms, BindingCommands.CreateCredential cmd, BindableInstance instance) {
        App app = c.apps().find(cmd.appGuid()).filter(a -> access.canRead(perms, a.spaceGuid()))
                .orElseThrow(() -> CfException.unprocessable("The app could not be found: '" + cmd.appGuid() + "'"));
        access.requireAppManager(perms, app.spaceGuid());
        if (!instance.allSpaceGuids().contains(app.spaceGuid())) {
            throw CfException.unprocessable("The service instance and the app are in different spaces");
        }
        requireManagedInstanceBindable(instance, "Service plan does not allow bindings");
        validateName(cmd.name());
        int valid = 0;
        for (ServiceCredentialBinding existing : c.credentialBindings().appBindings(instance.guid(), app.guid())) {
            if (existing.lastOperation().is(BindingOperation.CREATE, BindingOperation.FAILED)) {
                remove(existing.guid());
                continue;
            }
            validateExisting(existing, cmd.name());
            valid++;
        }
        if ("multiple".equals(cmd.strategy())) {
            if (valid >= MAX_BINDINGS_PER_APP_AND_INSTANCE) {
                throw CfException.unprocessable("The app has too many bindings to this service instance (limit: "
                        + MAX_BINDINGS_PER_APP_AND_INSTANCE + "). Consider deleting existing/orphaned bindings.");
            }
        } else if (valid >= 1) {
            throw CfException.unprocessable("The app is already bound to the service instance");
        }
        if (cmd.name() != null && c.credentialBindings().appBindingNamed(app.guid(), cmd.name(), instance.guid())) {
            throw CfException.unprocessable("The binding name is invalid. Binding names must be unique for a given "
                    + "service instance and app. The app already has a binding with name '" + cmd.name() + "'.");
        }
        ServiceCredentialBinding binding = precursor(perms, cmd, instance, app.guid(), app.spaceGuid());
        if (!instance.userProvided()) {
            return new Created(binding, c.jobs().enqueue(APP_JOB, RESOURCE_TYPE, binding.guid()));
        }
        var now = c.now();
        ServiceCredentialBinding bound = binding.withResult(instance.credentials(), instance.syslogDrainUrl(), null,
                binding.lastOperation().next(BindingOperation.CREATE, BindingOperation.SUCCEEDED, null, now));
        c.credentialBindings().update(bound);
        events.credential("create", AuditEvents.actor(perms.principal()), bound, cmd.auditRequest());
        return new Created(bound, null);
    }

    private Created key(Permissions perms, BindingCommands.CreateCredential cmd, BindableInstance instance) {
        access.requireWriter(perms, instance.spaceGuid());
        if (instance.userProvided()) {
            throw CfException.unprocessable("Service credential bindings of type 'key' are not supported for "
                    + "user-provided service instances.");
        }
        requireManagedInstanceBindable(instance, "Service plan does not allow bindings.");
        var existing = c.credentialBindings().key(instance.guid(), cmd.name());
        if (existing.isPresent()) {
            BindingOperation op = existing.get().lastOperation();
            if (op.is(BindingOperation.CREATE, BindingOperation.SUCCEEDED) || op.is(BindingOperation.CREATE,
                    BindingOperation.IN_PROGRESS) || op.is(BindingOperation.CREATE, BindingOperation.INITIAL)) {
                throw CfException.unprocessable("The binding name is invalid. Key binding names must be unique. The "
                        + "service instance already has a key binding with name '" + cmd.name() + "'.");
            }
            if (BindingOperation.DELETE.equals(op.type())) {
                throw CfException.unprocessable("The binding name is invalid. Key binding names must be unique. The "
                        + "service instance already has a key binding with the name '" + cmd.name()
                        + "' that is getting deleted or its deletion failed.");
            }
            remove(existing.get().guid());
        }
        c.quotaGuard().checkServiceKey(c.quotaScopes().forSpace(instance.spaceGuid()));
        ServiceCredentialBinding key = precursor(perms, cmd, instance, null, instance.spaceGuid());
        return new Created(key, c.jobs().enqueue(KEY_JOB, RESOURCE_TYPE, key.guid()));
    }

    private void requireManagedInstanceBindable(BindableInstance instance, String notBindable) {
        if (instance.userProvided()) {
            return;
        }
        if (!instance.plan().bindable()) {
            throw CfException.unprocessable(notBindable);
        }
        if (instance.createFailed()) {
            throw CfException.unprocessable("Service instance not found");
        }
        if (instance.operationInProgress()) {
            throw CfException.unprocessable("There is an operation in progress for the service instance");
        }
    }

    private static void validateName(String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.length() > 255) {
            throw CfException.unprocessable(
                    "The binding name is invalid. App binding names must be less than 256 characters.");
        }
        if (!NAME.matcher(name).matches()) {
            throw CfException.unprocessable(
                    "The binding name is invalid. Valid characters are alphanumeric, underscore, and dash.");
        }
    }

    private static void validateExisting(ServiceCredentialBinding existing, String desiredName) {
        BindingOperation op = existing.lastOperation();
        boolean creating = BindingOperation.CREATE.equals(op.type());
        if (creating && (op.inProgress() || BindingOperation.SUCCEEDED.equals(op.state()))) {
            throw CfException.unprocessable("The app is already bound to the service instance");
        }
        if (BindingOperation.DELETE.equals(op.type())) {
            throw CfException.unprocessable("The binding is getting deleted or its deletion failed");
        }
        if (!java.util.Objects.equals(existing.name(), desiredName)) {
            throw CfException.unprocessable(
                    "The binding name cannot be changed for the same app and service instance");
        }
    }

    /** A failed binding makes way for the new one (the broker was already asked to remove it when it failed). */
    private void remove(String guid) {
        c.metadataStore().delete(guid);
        c.credentialBindings().delete(guid);
    }

    private ServiceCredentialBinding precursor(Permissions perms, BindingCommands.CreateCredential cmd,
                                               BindableInstance instance, String appGuid, String spaceGuid) {
        var now = c.now();
        String type = appGuid == null ? ServiceCredentialBinding.KEY : ServiceCredentialBinding.APP;
        var binding = new ServiceCredentialBinding(c.guids().next(), now, now, type, cmd.name(), instance.guid(),
                appGuid, spaceGuid, !instance.userProvided(), null, null, null,
                new BindingOperation(BindingOperation.CREATE, BindingOperation.INITIAL, null, now, now), null,
                Metadata.empty());
        var principal = perms.principal();
        c.credentialBindings().insert(binding, new BindingRequest(cmd.parameters(), principal.userGuid(),
                principal.userName()));
        return binding.withMetadata(c.metadata().apply(binding.guid(), "service_credential_binding",
                Metadata.empty(), cmd.metadata()));
    }

    static List<String> jobs() {
        return List.of(APP_JOB, KEY_JOB);
    }
}

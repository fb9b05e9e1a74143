package dev.capi.domain.manifests;

import dev.capi.domain.apps.AppCommands;
import dev.capi.domain.apps.AppEnvironment;
import dev.capi.domain.apps.Apps;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.processes.ProcessCommands;
import dev.capi.domain.apps.ProcessCreate;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.processes.Processes;
import dev.capi.domain.servicebindings.CredentialBindingCreate;
import dev.capi.model.App;


/**
 * Applies one manifest application to its app, in the reference's order: processes (created when missing, then
 * updated), scales, sidecars (created or updated by name), the app itself (lifecycle, metadata), routes ({@link ManifestRoutes}), environment variables,
 * service bindings (existing instances only, as {@link CredentialBindingCreate#bindFromManifest}).
 */
public final class ManifestAppUpdate {
    private final Apps apps;
    private final Processes processes;
    private final ProcessRepository processRows;
    private final ProcessCreate processCreate;
    private final AppEnvironment environment;
    private final ManifestRoutes routes;
    private final dev.capi.domain.sidecars.Sidecars sidecars;
    private final CredentialBindingCreate bindings;

    public ManifestAppUpdate(Apps apps, Processes processes, ProcessRepository processRows,
                             ProcessCreate processCreate, AppEnvironment environment, ManifestRoutes routes,
                             dev.capi.domain.sidecars.Sidecars sidecars, CredentialBindingCreate bindings) {
        this.sidecars = sidecars;
        this.bindings = bindings;
        this.apps = apps;
        this.processes = processes;
        this.processRows = processRows;
        this.processCreate = processCreate;
        this.environment = environment;
        this.routes = routes;
    }

    public void apply(Permissions perms, App app, AppManifest m) {
        for (AppManifest.Process p : m.processes()) {
            boolean exists = processRows.forApp(app.guid()).stream().anyMatch(x -> x.type().equals(p.type()));
            if (!exists) {
                processCreate.create(perms.principal(), app, p.type(), p.command());
            }
            var target = Processes.Target.byType(app.guid(), p.type());
            if (p.updates()) {
                processes.update(perms, target, () -> processUpdate(p));
            }
            if (p.scales()) {
                processes.scale(perms, target, () -> new ProcessCommands.Scale(p.instances(), p.memoryInMb(),
                        p.diskInMb(), p.logRateLimit()));
            }
        }
        for (AppManifest.SidecarEntry entry : m.sidecars()) {
            var command = new dev.capi.domain.sidecars.Sidecars.Command(entry.name(), entry.command(),
                    entry.processTypes(), entry.memoryInMb());
            var existing = sidecars.listForApp(perms, app.guid(), dev.capi.domain.query.ListQuery.all()).resources()
                    .stream().filter(s -> s.name().equals(entry.name())).findFirst();
            if (existing.isPresent()) {
                sidecars.update(perms, existing.get().guid(), command);
            } else {
                sidecars.create(perms, app.guid(), command);
            }
        }
        if (m.buildpacks() != null || m.stack() != null || m.metadata() != null) {
            boolean lifecycleGiven = m.buildpacks() != null || m.stack() != null;
            apps.update(perms, app.guid(), new AppCommands.Update(null, lifecycleGiven
                    ? new AppCommands.LifecycleRequest(null, m.buildpacks(), m.stack()) : null, m.metadata()));
        }
        routes.apply(perms, app, m);
        if (m.env() != null && !m.env().isEmpty()) {
            environment.updateEnvironmentVariables(perms, app.guid(), m::env);
        }
        if (m.services() != null) {
            for (String service : m.services()) {
                bindings.bindFromManifest(perms, app, service);
            }
        }
    }

    private static ProcessCommands.Update processUpdate(AppManifest.Process p) {
        ProcessCommands.CheckUpdate check = null;
        if (p.healthCheckType() != null || p.healthCheckEndpoint() != null || p.healthCheckTimeout() != null
                || p.healthCheckInvocationTimeout() != null) {
            check = new ProcessCommands.CheckUpdate(change(p.healthCheckType()), change(p.healthCheckEndpoint()),
                    change(p.healthCheckTimeout()), change(p.healthCheckInvocationTimeout()), null);
        }
        return new ProcessCommands.Update(change(p.command()), null, check, null, null);
    }

    private static <T> ProcessCommands.Change<T> change(T value) {
        return value == null ? null : ProcessCommands.Change.to(value);
    }

}

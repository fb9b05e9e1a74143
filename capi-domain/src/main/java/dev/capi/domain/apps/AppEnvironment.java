package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.envgroups.EnvironmentVariableGroups;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.EnvironmentVariableGroup;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app's environment: {@code /env} (the app's variables, the groups, the system and application environment) and
 * {@code /environment_variables} (read and merge). Reading is gated by the flags {@code env_var_visibility} (everyone)
 * and {@code space_developer_env_var_visibility} (all but admins and read-only admins), and recorded as an audit event.
 */
public final class AppEnvironment implements LaunchEnvironment {
    /** Space roles that read an app's environment variables; supporters see the system environment redacted. */
    static final Set<RoleType> ENV_READERS = EnumSet.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_SUPPORTER);

    private final AppRepository apps;
    private final OrganizationRepository organizations;
    private final AppAccess access;
    private final Transactions tx;
    private final AppEvents events;
    private final FeatureFlags flags;
    private final AppSettings settings;
    private final Clock clock;
    private final java.util.function.Function<String, List<String>> routeUris;
    private final AppServicesView services;
    private final EnvironmentVariableGroups groups;

    public AppEnvironment(AppRepository apps, OrganizationRepository organizations, AppAccess access,
                          Transactions tx, AppEvents events, FeatureFlags flags, AppSettings settings, Clock clock,
                          java.util.function.Function<String, List<String>> routeUris, AppServicesView services,
                          EnvironmentVariableGroups groups) {
        this.groups = groups;
        this.routeUris = routeUris;
        this.services = services;
        this.apps = apps;
        this.organizations = organizations;
        this.access = access;
        this.tx = tx;
        this.events = events;
        this.flags = flags;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What {@code GET /v3/apps/:guid/env} shows: the app, its variables, the groups' variables, the system environment
     * (null when the principal may not see it: it is then redacted) and {@code VCAP_APPLICATION}.
     */
    public record Env(App app, Map<String, Object> environmentVariables, Map<String, Object> stagingEnv,
                      Map<String, Object> runningEnv, Map<String, Object> systemEnv,
                      Map<String, Object> vcapApplication) {
    }

    public Env env(Permissions perms, String guid) {
        flags.require("env_var_visibility");
        return tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            requireEnvReader(perms, app);
            boolean showSystem = perms.canReadSecretsInSpace(app.spaceGuid());
            requireDeveloperVisibility(perms);
            events.app("audit.app.environment.show", perms.principal(), app, Map.of());
            Space space = access.space(app.spaceGuid());
            String orgName = organizations.find(app.organizationGuid()).map(Organization::name).orElse("");
            return new Env(app, app.environmentVariables(), group(EnvironmentVariableGroup.STAGING),
                    group(EnvironmentVariableGroup.RUNNING), showSystem ? systemEnv(app) : null,
                    vcapApplication(app, space, orgName));
        });
    }

    /**
     * What a process runs with (the reference's Diego environment): the running group's variables, the app's
     * variables over them, then {@code VCAP_APPLICATION} (with the process's guid and type and the mapped routes'
     * URIs), {@code MEMORY_LIMIT} and {@code VCAP_SERVICES}; values that are not strings are written as JSON.
     */
    public Map<String, String> runtimeEnvironment(App app, dev.capi.model.AppProcess process) {
        return tx.inTransaction(() -> {
            var vcap = vcapApplication(app);
            vcap.put("process_id", process.guid());
            vcap.put("process_type", process.type());
            vcap.put("application_version", process.version());
            return launchEnvironment(EnvironmentVariableGroup.RUNNING, app, vcap, process.memoryInMb());
        });
    }

    /** A task's: the running group, the app's variables over it, and the system variables (the reference's). */
    @Override
    public Map<String, String> forTask(String appGuid, long memoryInMb) {
        return tx.inTransaction(() -> {
            App app = access.existing(appGuid);
            var vcap = vcapApplication(app);
            vcap.put("limits", Map.of("fds", settings.fileDescriptorLimit(), "mem", memoryInMb));
            return launchEnvironment(EnvironmentVariableGroup.RUNNING, app, vcap, memoryInMb);
        });
    }

    /** A staging run's: the staging group, the app's variables over it, and the system variables. */
    @Override
    public Map<String, String> forStaging(String appGuid, long memoryInMb, long diskInMb) {
        return tx.inTransaction(() -> {
            App app = access.existing(appGuid);
            var vcap = vcapApplication(app);
            vcap.put("limits", Map.of("fds", settings.fileDescriptorLimit(), "mem", memoryInMb, "disk", diskInMb));
            return launchEnvironment(EnvironmentVariableGroup.STAGING, app, vcap, memoryInMb);
        });
    }

    private Map<String, String> launchEnvironment(String groupName, App app, Map<String, Object> vcap,
                                                  long memoryInMb) {
        var env = new LinkedHashMap<String, String>(groups.variables(groupName));
        app.environmentVariables().forEach((k, v) -> env.put(k, v instanceof String s ? s
                : dev.capi.domain.support.JsonText.write(v)));
        env.put("VCAP_APPLICATION", dev.capi.domain.support.JsonText.write(vcap));
        env.put("MEMORY_LIMIT", memoryInMb + "m");
        env.put("VCAP_SERVICES", dev.capi.domain.support.JsonText.write(services.vcapServices(app.guid())));
        return env;
    }

    private Map<String, Object> group(String name) {
        return new LinkedHashMap<>(groups.variables(name));
    }

    private Map<String, Object> vcapApplication(App app) {
        Space space = access.space(app.spaceGuid());
        String orgName = organizations.find(app.organizationGuid()).map(Organization::name).orElse("");
        return vcapApplication(app, space, orgName);
    }

    /** The app's own variables ({@code GET /environment_variables}); records the read. */
    public App environmentVariables(Permissions perms, String guid) {
        flags.require("env_var_visibility");
        return tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            requireEnvReader(perms, app);
            requireDeveloperVisibility(perms);
            events.app("audit.app.environment_variables.show", perms.principal(), app, Map.of());
            return app;
        });
    }

    /**
     * Merges variables into the app's (a null value removes the key; space developers, supporters, admins); the body
     * is parsed only once the principal may change the app, as in the reference. Records {@code audit.app.update}.
     */
    public App updateEnvironmentVariables(Permissions perms, String guid,
                                          java.util.function.Supplier<Map<String, Object>> changes) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            access.requireManager(perms, app);
            Map<String, Object> given = changes.get();
            var merged = new LinkedHashMap<>(app.environmentVariables());
            given.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            App updated = app.withEnvironmentVariables(merged,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            apps.update(updated);
            events.app("audit.app.update", perms.principal(), updated,
                    Map.of("request", Map.of("environment_variables", AppEvents.PRIVATE_DATA_HIDDEN)));
            return updated;
        });
    }

    private void requireEnvReader(Permissions perms, App app) {
        if (!perms.canReadSecretsGlobally() && !perms.hasSpaceRole(app.spaceGuid(), ENV_READERS)) {
            throw CfException.notAuthorized();
        }
    }

    private void requireDeveloperVisibility(Permissions perms) {
        if (!perms.canReadSecretsGlobally()) {
            flags.require("space_developer_env_var_visibility");
        }
    }

    /** {@code VCAP_SERVICES} (the app's bindings), or the file-based forms when an app feature asks for them. */
    private Map<String, Object> systemEnv(App app) {
        if (app.features().serviceBindingK8s()) {
            return Map.of("SERVICE_BINDING_ROOT", "/etc/cf-service-bindings");
        }
        if (app.features().fileBasedVcapServices()) {
            return Map.of("VCAP_SERVICES_FILE_PATH", "/etc/cf-service-bindings/vcap_services");
        }
        return Map.of("VCAP_SERVICES", services.vcapServices(app.guid()));
    }

    private Map<String, Object> vcapApplication(App app, Space space, String orgName) {
        var m = new LinkedHashMap<String, Object>();
        List<String> uris = routeUris.apply(app.guid());
        m.put("cf_api", settings.cfApi());
        m.put("limits", Map.of("fds", settings.fileDescriptorLimit()));
        m.put("application_name", app.name());
        m.put("application_uris", uris);
        m.put("name", app.name());
        m.put("space_name", space.name());
        m.put("space_id", space.guid());
        m.put("organization_id", space.organizationGuid());
        m.put("organization_name", orgName);
        m.put("uris", uris);
        m.put("users", null);
        m.put("application_id", app.guid());
        return m;
    }
}

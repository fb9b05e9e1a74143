package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.FixedUsage;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryAppUsageEvents;
import dev.capi.domain.fakes.InMemoryApps;
import dev.capi.domain.fakes.InMemoryAuditEventLog;
import dev.capi.domain.fakes.InMemoryFeatureFlags;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryMetadata;
import dev.capi.domain.fakes.InMemoryOrganizationQuotas;
import dev.capi.domain.fakes.InMemoryOrganizations;
import dev.capi.domain.fakes.InMemoryProcesses;
import dev.capi.domain.fakes.InMemorySpaceQuotas;
import dev.capi.domain.fakes.InMemorySpaces;
import dev.capi.domain.fakes.InMemoryStacks;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.processes.ProcessCommands;
import dev.capi.domain.apps.ProcessCreate;
import dev.capi.domain.apps.ProcessSync;
import dev.capi.domain.processes.Processes;
import dev.capi.domain.processes.Processes.Target;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.runtime.InProcessRuntime;
import dev.capi.domain.runtime.InstanceState;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.usage.AppUsageEvents;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.AppUsageEvent;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.model.Stack;
import dev.capi.model.StackState;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app and process state machine and rules, on in-memory ports. */
class AppLifecycleTest {
    private dev.capi.domain.envgroups.EnvironmentVariableGroups envGroups;
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger ids = new AtomicInteger();
    private final InMemoryOrganizations orgs = new InMemoryOrganizations();
    private final InMemorySpaces spaces = new InMemorySpaces();
    private final InMemoryApps appRows = new InMemoryApps();
    private final InMemoryProcesses processRows = new InMemoryProcesses();
    private final InMemoryAppUsageEvents usageRows = new InMemoryAppUsageEvents();
    private final InMemoryAuditEventLog auditRows = new InMemoryAuditEventLog();
    private final InMemoryStacks stacks = new InMemoryStacks();
    private final InMemoryFeatureFlags flagRows = new InMemoryFeatureFlags();
    private final FixedRoles roles = new FixedRoles();
    private final Map<String, DropletLookup.Droplet> droplets = new HashMap<>();
    private final InProcessRuntime runtime = new InProcessRuntime(clock);
    private final List<dev.capi.model.Buildpack> adminBuildpacks = new java.util.ArrayList<>();
    private Apps apps;
    private AppStates states;
    private AppEnvironment environment;
    private CurrentDroplet currentDroplet;
    private Processes processes;
    private ProcessCreate processCreate;

    @BeforeEach
    void setUp() {
        var tx = new ImmediateTransactions();
        var guids = (dev.capi.domain.support.Guids) () -> "g" + ids.incrementAndGet();
        var events = new AppEvents(new AuditEvents(auditRows, clock, guids));
        var flags = new FeatureFlags(flagRows, tx, clock);
        var metadata = new MetadataChanges(new InMemoryMetadata(), 50, 200);
        var settings = AppSettings.defaults();
        var access = new AppAccess(appRows, spaces, new WritableSpaces(orgs));
        var usage = new AppUsageEvents(usageRows, clock, guids);
        var quotaScopes = new QuotaScopes(orgs, spaces, new InMemoryOrganizationQuotas(orgs, roles),
                new InMemorySpaceQuotas(spaces, roles), new FixedUsage());
        processCreate = new ProcessCreate(processRows, events, settings, clock, guids);
        apps = new Apps(appRows, spaces, orgs, stacks, access, processCreate, tx, events, flags, metadata,
                new Jobs(new InMemoryJobs(), clock, guids), settings,
                new AppBuildpackValidator((names, type) -> adminBuildpacks.stream()
                        .filter(b -> names.contains(b.name()) && b.lifecycle().equals(type)).toList()),
                clock, guids, (guid, name) -> { }, List.of());
        envGroups = new dev.capi.domain.envgroups.EnvironmentVariableGroups(new InMemoryEnvGroups(), tx, clock);
        environment = new AppEnvironment(appRows, orgs, access, tx, events, flags, settings, clock,
                appGuid -> List.of(), new dev.capi.domain.servicebindings.VcapServices(appGuid -> List.of()),
                envGroups);
        DropletLookup dropletLookup = guid -> Optional.ofNullable(droplets.get(guid));
        var sync = new ProcessSync(runtime, settings, environment::runtimeEnvironment,
                new dev.capi.domain.apps.EffectiveProcessCommand(dropletLookup));
        states = new AppStates(appRows, processRows, access, tx, events, usage, flags, quotaScopes,
                new QuotaGuard(), sync, clock, guids, app -> { });
        currentDroplet = new CurrentDroplet(appRows, processRows, access, processCreate, tx, events, usage, sync,
                dropletLookup, clock, appGuid -> false);
        processes = new Processes(processRows, appRows, access, tx, events, usage, flags, metadata, quotaScopes,
                new QuotaGuard(), sync, clock, appGuid -> false);
        orgs.insert(new Organization("org", clock.instant(), clock.instant(), "org", false, null, Metadata.empty()));
        spaces.insert(new Space("space", clock.instant(), clock.instant(), "dev", "org", false, true, null, null,
                Metadata.empty()));
        stacks.insert(new Stack("st", clock.instant(), clock.instant(), "cflinuxfs4", "", null, null, true,
                StackState.ACTIVE, null, Metadata.empty()));
        stacks.insert(new Stack("old", clock.instant(), clock.instant(), "cflinuxfs3", "", null, null, false,
                StackState.DISABLED, "gone", Metadata.empty()));
        roles.space("dev", RoleType.SPACE_DEVELOPER, "org", "space");
        roles.space("supporter", RoleType.SPACE_SUPPORTER, "org", "space");
        roles.space("auditor", RoleType.SPACE_AUDITOR, "org", "space");
    }

    private Permissions as(String user, String... scopes) {
        Set<String> all = new java.util.HashSet<>(Set.of(scopes));
        all.add(Principal.READ);
        all.add(Principal.WRITE);
        return new Permissions(new Principal(user, user, "uaa", "cf", all), roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private App create(String name) {
        return apps.create(as("dev"), new AppCommands.Create(name, "space", Map.of("A", "1"), null, null));
    }

    private App withDroplet(App app, String... types) {
        var processTypes = new LinkedHashMap<String, String>();
        for (String t : types) {
            processTypes.put(t, "run " + t);
        }
        droplets.put("d-" + app.guid(), new DropletLookup.Droplet("d-" + app.guid(), clock.instant(),
                clock.instant(), app.guid(), "STAGED", processTypes));
        return currentDroplet.assign(as("dev"), app.guid(), "d-" + app.guid(), true).app();
    }

    private static void assertCf(ThrowingCallable call, CfError kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    private List<String> audit() {
        return auditRows.list(dev.capi.domain.query.ListQuery.all()).resources().stream()
                .map(dev.capi.model.AuditEvent::type).toList();
    }

    @Test
    void stageAndStartMakesTheDropletCurrentCreatesItsMissingProcessTypesAndStartsTheApp() {
        App app = create("staged");
        droplets.put("fresh", new DropletLookup.Droplet("fresh", clock.instant(), clock.instant(), app.guid(),
                "STAGED", Map.of("web", "run web", "worker", "run worker")));
        new dev.capi.domain.builds.StartStagedDroplet(appRows, processRows, guid -> Optional.ofNullable(
                droplets.get(guid)), processCreate, states, clock).start(app.guid(), "fresh", as("dev").principal());

        App started = appRows.find(app.guid()).orElseThrow();
        assertThat(started.dropletGuid()).isEqualTo("fresh");
        assertThat(started.state()).isEqualTo(DesiredState.STARTED);
        assertThat(processRows.forApp(app.guid())).extracting(AppProcess::type)
                .containsExactlyInAnyOrder("web", "worker");
    }

    @Test
    void createMakesAStoppedAppWithAWebProcessSharingItsGuidOnTheDefaultStack() {
        App app = create("web");
        assertThat(app.state()).isEqualTo(DesiredState.STOPPED);
        assertThat(app.lifecycle().stack()).isEqualTo("cflinuxfs4");
        AppProcess web = processRows.forApp(app.guid()).get(0);
        assertThat(web.guid()).isEqualTo(app.guid());
        assertThat(web.type()).isEqualTo("web");
        assertThat(web.instances()).isEqualTo(1);
        assertThat(web.healthCheck().type()).isEqualTo("port");
        assertThat(web.state()).isEqualTo(DesiredState.STOPPED);
        assertThat(audit()).containsExactly("audit.app.process.create", "audit.app.create");
        assertThat(usageRows.all()).isEmpty();
    }

    @Test
    void namesAreUniquePerSpaceWhateverTheirCase() {
        create("web");
        assertCf(() -> create("WEB"), CfError.UniquenessError, "App with the name 'WEB' already exists.");
    }

    @Test
    void invisibleSpacesAreUnprocessableAndReadersMayNotCreate() {
        assertCf(() -> apps.create(as("stranger"), new AppCommands.Create("x", "space", null, null, null)),
                CfError.UnprocessableEntity, Apps.INVALID_SPACE);
        assertCf(() -> apps.create(as("supporter"), new AppCommands.Create("x", "space", null, null, null)),
                CfError.NotAuthorized, null);
        assertThat(appRows.inSpace("space")).isEmpty();
    }

    @Test
    void disabledStacksAndDisabledDockerAreRefused() {
        assertCf(() -> apps.create(admin(), new AppCommands.Create("x", "space", null,
                        new AppCommands.LifecycleRequest("buildpack", null, "cflinuxfs3"), null)),
                CfError.UnprocessableEntity, "ERROR: Staging failed. The stack 'cflinuxfs3' is 'DISABLED' and "
                        + "cannot be used for staging. gone");
        assertCf(() -> apps.create(admin(), new AppCommands.Create("x", "space", null,
                new AppCommands.LifecycleRequest("docker", null, null), null)), CfError.FeatureDisabled, null);
        assertThat(appRows.inSpace("space")).isEmpty();
    }

    private dev.capi.model.Buildpack buildpack(String name, String stack, String lifecycle, boolean uploaded) {
        return new dev.capi.model.Buildpack("bp-" + name, clock.instant(), clock.instant(), name, stack, lifecycle, 1,
                true, false, uploaded ? name + ".zip" : null, uploaded ? "key" : null, null, Metadata.empty());
    }

    private ThrowingCallable createWithBuildpacks(String stack, String... buildpacks) {
        return () -> apps.create(as("dev"), new AppCommands.Create("bp-app", "space", null,
                new AppCommands.LifecycleRequest("buildpack", List.of(buildpacks), stack), null));
    }

    @Test
    void unknownBuildpackNamesAreRefusedOnCreateAndUpdateAsTheReferenceDoes() {
        assertCf(createWithBuildpacks(null, "x"), CfError.UnprocessableEntity,
                "Buildpack \"x\" for stack \"cflinuxfs4\" must be an existing admin buildpack or a valid git URI");
        assertCf(createWithBuildpacks("nope", "x"), CfError.UnprocessableEntity,
                "Buildpack \"x\" must be an existing admin buildpack or a valid git URI, Stack must be an existing stack");
        assertThat(appRows.inSpace("space")).isEmpty();
        App app = create("web");
        assertCf(() -> apps.update(as("dev"), app.guid(), new AppCommands.Update(null,
                        new AppCommands.LifecycleRequest(null, List.of("ruby", "x"), null), null)),
                CfError.UnprocessableEntity,
                "Buildpack \"ruby\" for stack \"cflinuxfs4\" must be an existing admin buildpack or a valid git URI, "
                        + "Buildpack \"x\" for stack \"cflinuxfs4\" must be an existing admin buildpack or a valid git URI");
        assertThat(appRows.find(app.guid()).orElseThrow().lifecycle().buildpacks()).isEmpty();
    }

    @Test
    void adminBuildpacksWithBitsForTheStackAndUrlsAreAccepted() {
        adminBuildpacks.add(buildpack("ruby", null, "buildpack", true));
        adminBuildpacks.add(buildpack("go", "cflinuxfs4", "buildpack", true));
        adminBuildpacks.add(buildpack("java", "other", "buildpack", true));
        adminBuildpacks.add(buildpack("empty", null, "buildpack", false));
        adminBuildpacks.add(buildpack("node", null, "cnb", true));
        App app = apps.create(as("dev"), new AppCommands.Create("ok", "space", null, new AppCommands.LifecycleRequest(
                "buildpack", List.of("ruby", "go", "https://github.com/x/y", "git://h.example:x/y.git",
                "git@github.com:x/y.git"), null), null));
        assertThat(app.lifecycle().buildpacks()).hasSize(5);
        for (String refused : List.of("java", "empty", "node", "not a url")) {
            assertCf(createWithBuildpacks(null, refused), CfError.UnprocessableEntity, "Buildpack \"" + refused
                    + "\" for stack \"cflinuxfs4\" must be an existing admin buildpack or a valid git URI");
        }
    }

    @Test
    void theLifecycleTypeCannotChange() {
        App app = create("web");
        assertCf(() -> apps.update(as("dev"), app.guid(), new AppCommands.Update(null,
                        new AppCommands.LifecycleRequest("docker", null, null), null)),
                CfError.UnprocessableEntity, "Lifecycle type cannot be changed from buildpack to docker");
    }

    @Test
    void startNeedsACurrentDroplet() {
        App app = create("web");
        assertCf(() -> states.start(as("dev"), app.guid()), CfError.UnprocessableEntity,
                "Assign a droplet before starting this app.");
        assertThat(appRows.find(app.guid()).orElseThrow().state()).isEqualTo(DesiredState.STOPPED);
    }

    @Test
    void assigningADropletAddsTheProcessTypesItDeclaresAndRefusesOtherAppsDroplets() {
        App app = create("web");
        App other = create("other");
        droplets.put("foreign", new DropletLookup.Droplet("foreign", clock.instant(), clock.instant(),
                other.guid(), "STAGED", Map.of()));
        assertCf(() -> currentDroplet.assign(as("dev"), app.guid(), "foreign", true), CfError.UnprocessableEntity,
                CurrentDroplet.UNABLE_TO_ASSIGN);
        assertCf(() -> currentDroplet.assign(as("dev"), app.guid(), null, true), CfError.UnprocessableEntity,
                CurrentDroplet.CANNOT_REMOVE);
        withDroplet(app, "web", "worker");
        assertThat(processRows.forApp(app.guid())).extracting(AppProcess::type).containsExactly("web", "worker");
        AppProcess worker = processRows.findByType(app.guid(), "worker").orElseThrow();
        assertThat(worker.instances()).isZero();
        assertThat(worker.healthCheck().type()).isEqualTo("process");
        assertThat(audit()).contains("audit.app.droplet.mapped");
    }

    @Test
    void startStartsEveryProcessWithANewVersionWritesUsageEventsAndRunsInstances() {
        App app = withDroplet(create("web"), "web");
        String version = processRows.find(app.guid()).orElseThrow().version();
        App started = states.start(as("supporter"), app.guid());
        assertThat(started.state()).isEqualTo(DesiredState.STARTED);
        AppProcess web = processRows.find(app.guid()).orElseThrow();
        assertThat(web.state()).isEqualTo(DesiredState.STARTED);
        assertThat(web.version()).isNotEqualTo(version);
        assertThat(usageRows.all()).extracting(AppUsageEvent::state).containsExactly("STARTED");
        assertThat(usageRows.all().get(0).previousState()).isEqualTo("STOPPED");
        assertThat(runtime.runningProcesses()).containsExactly(app.guid());
        var env = runtime.desired(app.guid()).orElseThrow().environment();
        assertThat(env.get("VCAP_APPLICATION")).contains("\"application_id\":\"" + app.guid() + "\"")
                .contains("\"process_type\":\"web\"").contains("\"application_uris\":[]");
        assertThat(env).containsEntry("VCAP_SERVICES", "{}").containsEntry("MEMORY_LIMIT", web.memoryInMb() + "m");
        assertThat(audit()).endsWith("audit.app.start");
        states.start(as("dev"), app.guid());
        assertThat(usageRows.all()).hasSize(1);
        assertThat(processRows.find(app.guid()).orElseThrow().version()).isEqualTo(web.version());
    }

    @Test
    void stopStopsEveryProcessAndTheRuntime() {
        App app = withDroplet(create("web"), "web");
        states.start(as("dev"), app.guid());
        App stopped = states.stop(as("dev"), app.guid());
        assertThat(stopped.state()).isEqualTo(DesiredState.STOPPED);
        assertThat(processRows.find(app.guid()).orElseThrow().state()).isEqualTo(DesiredState.STOPPED);
        assertThat(usageRows.all()).extracting(AppUsageEvent::state).containsExactly("STARTED", "STOPPED");
        assertThat(runtime.runningProcesses()).isEmpty();
        assertThat(processRows.forApp(app.guid())).hasSize(1);
    }

    @Test
    void onlyDevelopersSupportersAndAdminsChangeTheState() {
        App app = withDroplet(create("web"), "web");
        assertCf(() -> states.start(as("auditor"), app.guid()), CfError.NotAuthorized, null);
        assertCf(() -> states.stop(as("stranger"), app.guid()), CfError.ResourceNotFound, "App not found");
        assertCf(() -> apps.update(as("supporter"), app.guid(), new AppCommands.Update("x", null, null)),
                CfError.NotAuthorized, null);
    }

    @Test
    void restartReplacesTheInstancesOfAStartedApp() {
        App app = withDroplet(create("web"), "web");
        states.start(as("dev"), app.guid());
        states.restart(as("dev"), app.guid());
        assertThat(runtime.runningProcesses()).containsExactly(app.guid());
        assertThat(audit()).endsWith("audit.app.restart");
        assertThat(usageRows.all()).hasSize(1);
    }

    @Test
    void scalingKeepsTheVersionAndWhileStartedWritesAUsageEvent() {
        App app = withDroplet(create("web"), "web");
        states.start(as("dev"), app.guid());
        String version = processRows.find(app.guid()).orElseThrow().version();
        AppProcess scaled = processes.scale(as("dev"), Target.byGuid(app.guid()),
                () -> new ProcessCommands.Scale(3, 256L, null, null));
        assertThat(scaled.instances()).isEqualTo(3);
        assertThat(scaled.memoryInMb()).isEqualTo(256);
        assertThat(scaled.version()).isEqualTo(version);
        assertThat(usageRows.all()).extracting(AppUsageEvent::state).containsExactly("STARTED", "STARTED");
        var stats = processes.stats(as("auditor"), Target.byType(app.guid(), "web"));
        assertThat(stats.instances()).extracting(r -> r.state()).containsExactly(InstanceState.RUNNING,
                InstanceState.RUNNING, InstanceState.RUNNING);
        assertThat(audit()).endsWith("audit.app.process.scale");
    }

    @Test
    void theAppScalingFlagStopsEveryoneButAdmins() {
        App app = create("web");
        flagRows.save(new dev.capi.model.FeatureFlag("app_scaling", false, null, clock.instant()));
        assertCf(() -> processes.scale(as("dev"), Target.byGuid(app.guid()),
                () -> new ProcessCommands.Scale(2, null, null, null)), CfError.FeatureDisabled, "Feature Disabled: app_scaling");
        assertThat(processes.scale(admin(), Target.byGuid(app.guid()),
                () -> new ProcessCommands.Scale(2, null, null, null)).instances()).isEqualTo(2);
    }

    @Test
    void terminatingAnInstanceOutsideTheRangeIsNotFound() {
        App app = create("web");
        assertCf(() -> processes.terminate(as("dev"), Target.byGuid(app.guid()), 1), CfError.ResourceNotFound,
                "Instance not found");
        processes.terminate(as("dev"), Target.byGuid(app.guid()), 0);
        assertThat(audit()).endsWith("audit.app.process.terminate_instance");
    }

    @Test
    void environmentVariablesMergeAndNullDeletes() {
        App app = create("web");
        App updated = environment.updateEnvironmentVariables(as("supporter"), app.guid(), () -> {
            var m = new HashMap<String, Object>();
            m.put("A", null);
            m.put("B", "2");
            return m;
        });
        assertThat(updated.environmentVariables()).containsExactly(Map.entry("B", "2"));
        assertThat(audit()).endsWith("audit.app.update");
    }

    @Test
    void envIsRedactedForSupportersAndRefusedToAuditors() {
        App app = create("web");
        assertThat(environment.env(as("supporter"), app.guid()).systemEnv()).isNull();
        assertThat(environment.env(as("dev"), app.guid()).systemEnv()).containsKey("VCAP_SERVICES");
        assertThat(environment.env(as("dev"), app.guid()).vcapApplication()).containsEntry("space_name", "dev");
        assertCf(() -> environment.env(as("auditor"), app.guid()), CfError.NotAuthorized, null);
        flagRows.save(new dev.capi.model.FeatureFlag("env_var_visibility", false, null, clock.instant()));
        assertCf(() -> environment.env(admin(), "unknown"), CfError.FeatureDisabled, null);
    }

    @Test
    void launchEnvironmentsMergeTheGroupUnderTheAppsVariablesAndShowTheGroupsInEnv() {
        App app = create("web");
        environment.updateEnvironmentVariables(admin(), app.guid(), () -> Map.of("SHARED", "app", "OWN", 1));
        envGroups.update(admin(), "running", Map.of("SHARED", "running", "RUN_ONLY", "r"));
        envGroups.update(admin(), "staging", Map.of("SHARED", "staging", "STAGE_ONLY", "s"));
        var process = processRows.forApp(app.guid()).get(0);

        Map<String, String> running = environment.runtimeEnvironment(appRows.find(app.guid()).orElseThrow(), process);
        assertThat(running).containsEntry("SHARED", "app").containsEntry("OWN", "1")
                .containsEntry("RUN_ONLY", "r").doesNotContainKey("STAGE_ONLY")
                .containsKeys("VCAP_APPLICATION", "VCAP_SERVICES", "MEMORY_LIMIT");
        assertThat(environment.forTask(app.guid(), 256)).containsEntry("SHARED", "app")
                .containsEntry("RUN_ONLY", "r").containsEntry("MEMORY_LIMIT", "256m").doesNotContainKey("STAGE_ONLY");
        assertThat(environment.forStaging(app.guid(), 1024, 2048)).containsEntry("SHARED", "app")
                .containsEntry("STAGE_ONLY", "s").containsEntry("MEMORY_LIMIT", "1024m")
                .doesNotContainKey("RUN_ONLY");
        var env = environment.env(admin(), app.guid());
        assertThat(env.runningEnv()).containsOnly(Map.entry("SHARED", "running"), Map.entry("RUN_ONLY", "r"));
        assertThat(env.stagingEnv()).containsEntry("STAGE_ONLY", "s");
    }

    /** The groups in memory. */
    private static final class InMemoryEnvGroups implements dev.capi.domain.envgroups.EnvironmentVariableGroupRepository {
        private final Map<String, dev.capi.model.EnvironmentVariableGroup> rows = new java.util.HashMap<>();

        @Override
        public Optional<dev.capi.model.EnvironmentVariableGroup> find(String name) {
            return Optional.ofNullable(rows.get(name));
        }

        @Override
        public void save(dev.capi.model.EnvironmentVariableGroup group) {
            rows.put(group.name(), group);
        }
    }
}

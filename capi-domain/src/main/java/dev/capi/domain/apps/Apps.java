package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.DesiredState;
import dev.capi.model.Job;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.model.Stack;
import dev.capi.model.StackState;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The app use cases: list, get, create (with its web process), update and (asynchronous) delete. */
public final class Apps {
    public static final String DELETE_JOB = "app.delete";
    static final String INVALID_SPACE = "Invalid space. Ensure that the space exists and you have access to it.";

    private final AppRepository repository;
    private final SpaceRepository spaces;
    private final OrganizationRepository organizations;
    private final StackRepository stacks;
    private final AppAccess access;
    private final ProcessCreate processCreate;
    private final Transactions tx;
    private final AppEvents events;
    private final FeatureFlags flags;
    private final MetadataChanges metadata;
    private final Jobs jobs;
    private final AppSettings settings;
    private final AppBuildpackValidator buildpackValidator;
    private final Clock clock;
    private final Guids guids;
    private final List<AppCleanup> cleanups;
    private final BiConsumer<String, String> deleteGuard;

    public Apps(AppRepository repository, SpaceRepository spaces, OrganizationRepository organizations,
                StackRepository stacks, AppAccess access, ProcessCreate processCreate, Transactions tx,
                AppEvents events, FeatureFlags flags, MetadataChanges metadata, Jobs jobs, AppSettings settings,
                AppBuildpackValidator buildpackValidator, Clock clock, Guids guids,
                BiConsumer<String, String> deleteGuard, List<AppCleanup> cleanups) {
        this.cleanups = List.copyOf(cleanups);
        this.deleteGuard = deleteGuard;
        this.repository = repository;
        this.spaces = spaces;
        this.organizations = organizations;
        this.stacks = stacks;
        this.access = access;
        this.processCreate = processCreate;
        this.tx = tx;
        this.events = events;
        this.flags = flags;
        this.metadata = metadata;
        this.jobs = jobs;
        this.settings = settings;
        this.buildpackValidator = buildpackValidator;
        this.clock = clock;
        this.guids = guids;
    }

    /** What is removed with each app (its routes' destinations, the rows and bits it owns). */
    public List<AppCleanup> cleanups() {
        return cleanups;
    }

    /** One page of the apps the principal can see. */
    public Page<App> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    /** The app if the principal may see it, else 404 "App not found". */
    public App get(Permissions perms, String guid) {
        return tx.inTransaction(() -> access.visible(perms, guid));
    }

    /** The spaces of a page of apps, for {@code include=space}: one query. */
    public List<Space> spacesOf(List<App> apps) {
        return tx.inTransaction(() -> spaces.findAll(apps.stream().map(App::spaceGuid).distinct().toList()));
    }

    /** The organizations of a page of apps, for {@code include=org} and {@code space.organization}: one query. */
    public List<Organization> organizationsOf(List<App> apps) {
        return tx.inTransaction(() -> organizations.findAll(
                apps.stream().map(App::organizationGuid).distinct().toList()));
    }

    /**
     * Creates a STOPPED app with a {@code web} process (space developers, admins); records {@code audit.app.create}
     * and {@code audit.app.process.create}.
     */
    public App create(Permissions perms, AppCommands.Create cmd) {
        return tx.inTransaction(() -> {
            Space space = spaces.find(cmd.spaceGuid())
                    .filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                    .orElseThrow(() -> CfException.unprocessable(INVALID_SPACE));
            if (!perms.canWriteSpace(space.guid())) {
                throw CfException.notAuthorized();
            }
            access.requireWritable(perms, stub(space));
            Lifecycle lifecycle = lifecycleForCreate(cmd.lifecycle());
            if (repository.nameTaken(space.guid(), cmd.name())) {
                throw nameTaken(cmd.name());
            }
            Instant now = now();
            var app = new App(guids.next(), now, now, cmd.name(), space.guid(), space.organizationGuid(),
                    DesiredState.STOPPED, lifecycle, cmd.environmentVariables(), null,
                    App.Features.defaults(settings.defaultAppSsh()), Metadata.empty());
            try {
                repository.insert(app);
            } catch (AppRepository.NameTaken e) {
                throw nameTaken(cmd.name());
            }
            var stored = app.withMetadata(metadata.apply(app.guid(), "app", Metadata.empty(), cmd.metadata()));
            processCreate.create(perms.principal(), stored, AppProcess.WEB, null);
            events.app("audit.app.create", perms.principal(), stored,
                    Map.of("request", AppAuditRequests.create(cmd)));
            return stored;
        });
    }

    /** Renames, changes the lifecycle's buildpacks and stack, and metadata (space developers, admins). */
    public App update(Permissions perms, String guid, AppCommands.Update cmd) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            access.requireWriter(perms, app);
            Lifecycle lifecycle = lifecycleForUpdate(app.lifecycle(), cmd.lifecycle());
            Instant now = now();
            App updated = app.withLifecycle(lifecycle, now);
            if (cmd.name() != null && !cmd.name().equals(app.name())) {
                if (!cmd.name().equalsIgnoreCase(app.name()) && repository.nameTaken(app.spaceGuid(), cmd.name())) {
                    throw nameTaken(cmd.name());
                }
                updated = updated.withName(cmd.name(), now);
            }
            try {
                repository.update(updated);
            } catch (AppRepository.NameTaken e) {
                throw nameTaken(cmd.name());
            }
            var result = updated.withMetadata(metadata.apply(guid, "app", app.metadata(), cmd.metadata()));
            events.app("audit.app.update", perms.principal(), result,
                    Map.of("request", AppAuditRequests.update(cmd)));
            return result;
        });
    }

    /** Starts the asynchronous delete (space developers, admins), records the delete request, returns the job. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            access.requireWriter(perms, app);
            deleteGuard.accept(app.guid(), app.name());
            events.app("audit.app.delete-request", perms.principal(), app, Map.of("request", Map.of("recursive", true)));
            return jobs.enqueue(DELETE_JOB, "apps", guid);
        });
    }

    private Lifecycle lifecycleForCreate(AppCommands.LifecycleRequest requested) {
        String type = requested == null || requested.type() == null ? Lifecycle.BUILDPACK : requested.type();
        requireLifecycleEnabled(type);
        if (Lifecycle.DOCKER.equals(type)) {
            return Lifecycle.docker();
        }
        List<String> buildpacks = requested == null || requested.buildpacks() == null ? List.of()
                : requested.buildpacks();
        String stackName = requested == null ? null : requested.stack();
        Stack stack = validStack(type, buildpacks, stackName);
        requireStackUsableByNewApp(stack);
        return new Lifecycle(type, buildpacks, stack == null ? null : stack.name());
    }

    private Lifecycle lifecycleForUpdate(Lifecycle current, AppCommands.LifecycleRequest requested) {
        if (requested == null) {
            return current;
        }
        String type = requested.type() == null ? current.type() : requested.type();
        if (!type.equals(current.type())) {
            throw CfException.unprocessable(
                    "Lifecycle type cannot be changed from " + current.type() + " to " + type);
        }
        if (current.isDocker()) {
            return current;
        }
        List<String> buildpacks = requested.buildpacks() != null ? requested.buildpacks() : current.buildpacks();
        String stack = current.stack();
        Stack named = validStack(type, requested.buildpacks(), requested.stack());
        if (requested.stack() != null) {
            if (named != null && named.state() == StackState.DISABLED) {
                throw CfException.unprocessable(stackError(named));
            }
            stack = named == null ? null : named.name();
        }
        return new Lifecycle(type, buildpacks, stack);
    }

    private void requireLifecycleEnabled(String type) {
        if (Lifecycle.DOCKER.equals(type)) {
            flags.require("diego_docker");
        } else if (Lifecycle.CNB.equals(type)) {
            flags.require("diego_cnb");
        }
    }

    /**
     * The named stack, or the default one when no name is given (as the reference, also on update); 422 with every
     * problem of the requested buildpacks and stack joined, e.g. an unknown buildpack name or a name that is no stack.
     */
    private Stack validStack(String type, List<String> buildpacks, String name) {
        Stack stack = name == null
                ? stacks.list(ListQuery.all().withFilter("default", List.of("true"))).resources().stream()
                        .findFirst().orElse(null)
                : stacks.findByName(name).orElse(null);
        boolean exists = name == null || stack != null;
        List<String> problems = buildpackValidator.problems(type, buildpacks, stack == null ? null : stack.name(),
                exists);
        if (!problems.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", problems));
        }
        return stack;
    }

    private static void requireStackUsableByNewApp(Stack stack) {
        if (stack != null && (stack.state() == StackState.DISABLED || stack.state() == StackState.RESTRICTED)) {
            throw CfException.unprocessable(stackError(stack));
        }
    }

    private static String stackError(Stack stack) {
        String message = "ERROR: Staging failed. The stack '" + stack.name() + "' is '" + stack.state().name()
                + "' and cannot be used for staging.";
        return stack.stateReason() == null || stack.stateReason().isEmpty() ? message
                : message + " " + stack.stateReason();
    }

    private static CfException nameTaken(String name) {
        return CfException.of(CfError.UniquenessError, "App with the name '" + name + "' already exists.");
    }

    /** An app standing for its space, for the writability check before the app exists. */
    private static App stub(Space space) {
        return new App("", null, null, "", space.guid(), space.organizationGuid(), DesiredState.STOPPED,
                Lifecycle.docker(), Map.of(), null, App.Features.defaults(false), Metadata.empty());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The audit {@code request} of create and update, environment variables hidden as the reference does. */
    static final class AppAuditRequests {
        private AppAuditRequests() {
        }

        static Map<String, Object> create(AppCommands.Create cmd) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", cmd.name());
            m.put("relationships", Map.of("space", Map.of("data", Map.of("guid", cmd.spaceGuid()))));
            if (cmd.environmentVariables() != null) {
                m.put("environment_variables", AppEvents.PRIVATE_DATA_HIDDEN);
            }
            lifecycle(m, cmd.lifecycle());
            if (cmd.metadata() != null) {
                m.put("metadata", metadata(cmd.metadata()));
            }
            return m;
        }

        static Map<String, Object> update(AppCommands.Update cmd) {
            var m = new LinkedHashMap<String, Object>();
            if (cmd.name() != null) {
                m.put("name", cmd.name());
            }
            lifecycle(m, cmd.lifecycle());
            if (cmd.metadata() != null) {
                m.put("metadata", metadata(cmd.metadata()));
            }
            return m;
        }

        private static void lifecycle(Map<String, Object> m, AppCommands.LifecycleRequest l) {
            if (l == null) {
                return;
            }
            var lifecycle = new LinkedHashMap<String, Object>();
            if (l.type() != null) {
                lifecycle.put("type", l.type());
            }
            var data = new LinkedHashMap<String, Object>();
            if (l.buildpacks() != null) {
                data.put("buildpacks", l.buildpacks());
            }
            if (l.stack() != null) {
                data.put("stack", l.stack());
            }
            lifecycle.put("data", data);
            m.put("lifecycle", lifecycle);
        }

        private static Map<String, Object> metadata(dev.capi.model.MetadataUpdate update) {
            var given = new LinkedHashMap<String, Object>();
            if (update.labels() != null) {
                given.put("labels", update.labels());
            }
            if (update.annotations() != null) {
                given.put("annotations", update.annotations());
            }
            return given;
        }
    }
}

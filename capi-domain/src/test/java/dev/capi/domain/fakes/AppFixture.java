package dev.capi.domain.fakes;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppSettings;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.runtime.InProcessRuntime;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.support.Guids;
import dev.capi.domain.usage.AppUsageEvents;
import dev.capi.model.App;
import dev.capi.model.DesiredState;
import dev.capi.model.FeatureFlag;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory ports that app-owned resources (tasks, builds, droplets, deployments, sidecars, revisions) need: an
 * org "org" with a space "space", users "dev" (developer), "supporter", "auditor" and "outsider" (no role), a fixed
 * clock, counting guids, an in-process runtime, and the audit log, usage events and feature flags they write to.
 */
public final class AppFixture {
    public final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    public final Instant now = clock.instant();
    private final AtomicInteger ids = new AtomicInteger();
    public final Guids guids = () -> "g" + ids.incrementAndGet();
    public final InMemoryOrganizations orgs = new InMemoryOrganizations();
    public final InMemorySpaces spaces = new InMemorySpaces();
    public final InMemoryApps apps = new InMemoryApps();
    public final InMemoryProcesses processes = new InMemoryProcesses();
    public final InMemoryAuditEventLog audit = new InMemoryAuditEventLog();
    public final InMemoryAppUsageEvents usageRows = new InMemoryAppUsageEvents();
    public final InMemoryFeatureFlags flagRows = new InMemoryFeatureFlags();
    public final InMemoryMetadata metadataRows = new InMemoryMetadata();
    public final FixedRoles roles = new FixedRoles();
    public final FixedUsage usage = new FixedUsage();
    public final ImmediateTransactions tx = new ImmediateTransactions();
    public final InProcessRuntime runtime = new InProcessRuntime(clock);
    public final AppSettings settings = AppSettings.defaults();
    public final AppAccess access = new AppAccess(apps, spaces, new WritableSpaces(orgs));
    public final AppEvents events = new AppEvents(new AuditEvents(audit, clock, guids));
    public final AppUsageEvents appUsage = new AppUsageEvents(usageRows, clock, guids);
    public final FeatureFlags flags = new FeatureFlags(flagRows, tx, clock);
    public final MetadataChanges metadata = new MetadataChanges(metadataRows, 50, 200);
    public final QuotaScopes quotaScopes = new QuotaScopes(orgs, spaces, new InMemoryOrganizationQuotas(orgs, roles),
            new InMemorySpaceQuotas(spaces, roles), usage);
    public final QuotaGuard quotaGuard = new QuotaGuard();

    public AppFixture() {
        orgs.insert(new Organization("org", now, now, "org", false, null, Metadata.empty()));
        spaces.insert(new Space("space", now, now, "dev", "org", false, true, null, null, Metadata.empty()));
        roles.space("dev", RoleType.SPACE_DEVELOPER, "org", "space");
        roles.space("supporter", RoleType.SPACE_SUPPORTER, "org", "space");
        roles.space("auditor", RoleType.SPACE_AUDITOR, "org", "space");
    }

    /** A STOPPED docker app in the space, with {@code dropletGuid} as its current droplet (may be null). */
    public App app(String guid, String dropletGuid) {
        App app = new App(guid, now, now, guid, "space", "org", DesiredState.STOPPED, Lifecycle.docker(), Map.of(),
                dropletGuid, App.Features.defaults(true), Metadata.empty());
        apps.insert(app);
        return app;
    }

    /** A STOPPED buildpack app on cflinuxfs4 in the space, with {@code dropletGuid} as its current droplet. */
    public App buildpackApp(String guid, String dropletGuid) {
        App app = new App(guid, now, now, guid, "space", "org", DesiredState.STOPPED,
                new Lifecycle(Lifecycle.BUILDPACK, java.util.List.of(), "cflinuxfs4"), Map.of(), dropletGuid,
                App.Features.defaults(true), Metadata.empty());
        apps.insert(app);
        return app;
    }

    /** Suspends the org: only admins may change what is in it. */
    public void suspendOrg() {
        orgs.insert(new Organization("org", now, now, "org", true, null, Metadata.empty()));
    }

    /** Turns a feature flag off. */
    public void disable(String flag) {
        flagRows.save(new FeatureFlag(flag, false, null, now));
    }

    /** Turns a feature flag on. */
    public void enable(String flag) {
        flagRows.save(new FeatureFlag(flag, true, null, now));
    }

    public Permissions as(String user, String... scopes) {
        Set<String> all = new HashSet<>(Set.of(scopes));
        all.add(Principal.READ);
        all.add(Principal.WRITE);
        return new Permissions(new Principal(user, user, "uaa", "cf", all), roles);
    }

    public Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    /** The audit event types written so far, in order. */
    public java.util.List<String> auditTypes() {
        return audit.list(dev.capi.domain.query.ListQuery.all()).resources().stream()
                .map(dev.capi.model.AuditEvent::type).toList();
    }
}

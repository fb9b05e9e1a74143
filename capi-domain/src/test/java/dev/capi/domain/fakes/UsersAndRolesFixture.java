package dev.capi.domain.fakes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.roles.RoleCreate;
import dev.capi.domain.roles.Roles;
import dev.capi.domain.support.Guids;
import dev.capi.domain.users.UserCreate;
import dev.capi.domain.users.Users;
import dev.capi.model.AuditEvent;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The users and roles use cases wired to in-memory fakes, with a fixed clock and counting guids ("g1", "g2", ...). */
public final class UsersAndRolesFixture {
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    public final InMemoryRoleRepository roles = new InMemoryRoleRepository();
    public final InMemoryUserRepository users = new InMemoryUserRepository(roles);
    public final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    public final InMemoryOrganizations orgs = new InMemoryOrganizations();
    public final InMemorySpaces spaces = new InMemorySpaces();
    public final InMemoryMetadata metadata = new InMemoryMetadata();
    public final InMemoryJobs jobRows = new InMemoryJobs();
    public final InMemoryAuditEventLog events = new InMemoryAuditEventLog();
    public final InMemoryFeatureFlags flagRows = new InMemoryFeatureFlags();
    public final ImmediateTransactions tx = new ImmediateTransactions();
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AtomicInteger counter = new AtomicInteger();
    public final Guids guids = () -> "g" + counter.incrementAndGet();
    public final FeatureFlags flags = new FeatureFlags(flagRows, tx, clock);
    public final AuditEvents audit = new AuditEvents(events, clock, guids);
    public final Jobs jobs = new Jobs(jobRows, clock, guids);

    /** Adds an organization (created one second after the previous fixture). */
    public Organization addOrg(String guid, String name, boolean suspended) {
        Organization org = new Organization(guid, NOW.plusSeconds(counter.get()), NOW, name, suspended, null,
                Metadata.empty());
        orgs.insert(org);
        return org;
    }

    /** Adds a space of {@code orgGuid}. */
    public Space addSpace(String guid, String name, String orgGuid, boolean suspended) {
        Space space = new Space(guid, NOW, NOW, name, orgGuid, suspended, true, null, null, Metadata.empty());
        spaces.insert(space);
        return space;
    }

    /** How many jobs the use cases enqueued. */
    public int enqueued() {
        return jobRows.count();
    }
    public final MetadataChanges metadataChanges = new MetadataChanges(metadata, 50, 200);

    public Users users() {
        return new Users(users, orgs, spaces, tx, metadataChanges, jobs);
    }

    public UserCreate userCreate(boolean allowCreationByOrgManager) {
        return new UserCreate(users, directory, tx, metadataChanges, clock, guids, allowCreationByOrgManager);
    }

    public Roles roles() {
        return new Roles(roles, users, orgs, spaces, audit, tx, jobs);
    }

    public RoleCreate roleCreate(boolean allowUserCreationByOrgManager) {
        return new RoleCreate(roles, users, directory, users(), orgs, spaces, audit, flags, tx, clock, guids,
                allowUserCreationByOrgManager);
    }

    /** A user with read and write scopes (its name from its user row, if any). */
    public Permissions as(String user) {
        return withScopes(user, Principal.READ, Principal.WRITE);
    }

    public Permissions withScopes(String user, String... scopes) {
        String name = users.find(user).map(u -> u.username()).orElse(user);
        return new Permissions(new Principal(user, name, "uaa", "cf", Set.of(scopes)), roles);
    }

    public Permissions admin() {
        return withScopes("admin", Principal.ADMIN);
    }

    public List<AuditEvent> recorded() {
        return events.list(ListQuery.all()).resources();
    }
}

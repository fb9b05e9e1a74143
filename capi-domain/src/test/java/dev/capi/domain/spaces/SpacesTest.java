package dev.capi.domain.spaces;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryAuditEventLog;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryMetadata;
import dev.capi.domain.fakes.InMemoryOrganizations;
import dev.capi.domain.fakes.InMemorySpaces;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpacesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger ids = new AtomicInteger();
    private final InMemoryOrganizations orgs = new InMemoryOrganizations();
    private final InMemorySpaces spaceRows = new InMemorySpaces();
    private final InMemoryAuditEventLog events = new InMemoryAuditEventLog();
    private final FixedRoles roles = new FixedRoles();
    private Spaces spaces;

    @BeforeEach
    void setUp() {
        var tx = new ImmediateTransactions();
        spaces = new Spaces(spaceRows, orgs, tx, new AuditEvents(events, clock, () -> "e" + ids.incrementAndGet()),
                new MetadataChanges(new InMemoryMetadata(), 50, 200),
                new Jobs(new InMemoryJobs(), clock, () -> "j" + ids.incrementAndGet()), clock,
                () -> "s" + ids.incrementAndGet());
        orgs.insert(new Organization("org", clock.instant(), clock.instant(), "org", false, null, Metadata.empty()));
        roles.org("manager", RoleType.ORGANIZATION_MANAGER, "org");
        roles.org("auditor", RoleType.ORGANIZATION_AUDITOR, "org");
    }

    private Permissions as(String user, String... scopes) {
        return new Permissions(new Principal(user, user, "uaa", "cf", Set.of(scopes)), roles);
    }

    @Test
    void orgManagersCreateSpacesAndAnAuditEventIsRecorded() {
        var space = spaces.create(as("manager", Principal.WRITE), new SpaceCommands.Create("dev", "org", null));
        assertThat(space.organizationGuid()).isEqualTo("org");
        assertThat(space.allowSsh()).isTrue();
        assertThat(events.list(null).resources()).extracting(e -> e.type()).containsExactly("audit.space.create");
    }

    @Test
    void orgAuditorsSeeTheOrgButMayNotCreateSpaces() {
        assertThatThrownBy(() -> spaces.create(as("auditor", Principal.WRITE),
                new SpaceCommands.Create("dev", "org", null)))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
    }

    @Test
    void anInvisibleOrganizationIsUnprocessable() {
        assertThatThrownBy(() -> spaces.create(as("stranger", Principal.WRITE),
                new SpaceCommands.Create("dev", "org", null)))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.detail())
                        .isEqualTo("Invalid organization. Ensure the organization exists and you have access to it."));
    }

    @Test
    void namesAreUniquePerOrganization() {
        spaces.create(as("admin", Principal.ADMIN), new SpaceCommands.Create("dev", "org", null));
        assertThatThrownBy(() -> spaces.create(as("admin", Principal.ADMIN),
                new SpaceCommands.Create("DEV", "org", null)))
                .isInstanceOfSatisfying(CfException.class,
                        e -> assertThat(e.detail()).isEqualTo("Name must be unique per organization"));
        assertThat(spaceRows.inOrganization("org")).hasSize(1);
    }

    @Test
    void suspendedOrganizationsRefuseNonAdmins() {
        orgs.update(new Organization("org", clock.instant(), clock.instant(), "org", true, null, Metadata.empty()));
        assertThatThrownBy(() -> spaces.create(as("manager", Principal.WRITE),
                new SpaceCommands.Create("dev", "org", null)))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.OrgSuspended));
        assertThat(spaces.create(as("admin", Principal.ADMIN), new SpaceCommands.Create("dev", "org", null)))
                .isNotNull();
    }

    @Test
    void invisibleSpacesAreNotFoundAndDevelopersMayNotRenameThem() {
        var space = spaces.create(as("admin", Principal.ADMIN), new SpaceCommands.Create("dev", "org", null));
        assertThatThrownBy(() -> spaces.get(as("stranger", Principal.READ), space.guid()))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.detail()).isEqualTo("Space not found"));
        roles.space("dev", RoleType.SPACE_DEVELOPER, "org", space.guid());
        assertThat(spaces.get(as("dev", Principal.READ), space.guid()).name()).isEqualTo("dev");
        assertThatThrownBy(() -> spaces.update(as("dev", Principal.WRITE), space.guid(),
                new SpaceCommands.Update("x", null, null)))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
    }

    @Test
    void theSshFeatureIsTheOnlyFeature() {
        var space = spaces.create(as("admin", Principal.ADMIN), new SpaceCommands.Create("dev", "org", null));
        assertThat(spaces.updateFeature(as("manager", Principal.WRITE), space.guid(), "ssh", false)).isFalse();
        assertThat(spaces.feature(as("manager", Principal.READ), space.guid(), "ssh")).isFalse();
        assertThatThrownBy(() -> spaces.feature(as("manager", Principal.READ), space.guid(), "bogus"))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.detail()).isEqualTo("Feature not found"));
    }
}

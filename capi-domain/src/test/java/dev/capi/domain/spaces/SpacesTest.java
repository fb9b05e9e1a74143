package dev.capi.domain.spaces;

import dev.capi.domain.tenancy.SpaceDeletion;
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
import dev.capi.domain.tenancy.OrganizationDeletion;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.AuditEvent;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
    private final InMemoryMetadata metadata = new InMemoryMetadata();
    private final InMemoryJobs jobRows = new InMemoryJobs();
    private final FixedRoles roles = new FixedRoles();
    private Spaces spaces;
    private Space space;

    @BeforeEach
    void setUp() {
        spaces = new Spaces(spaceRows, orgs, new ImmediateTransactions(),
                new AuditEvents(events, clock, () -> "e" + ids.incrementAndGet()),
                new MetadataChanges(metadata, 50, 200),
                new Jobs(jobRows, clock, () -> "j" + ids.incrementAndGet()), clock,
                () -> "s" + ids.incrementAndGet());
        orgs.insert(org("org", "Boardgames", false));
        orgs.insert(org("other", "Other", false));
        roles.org("manager", RoleType.ORGANIZATION_MANAGER, "org");
        roles.org("auditor", RoleType.ORGANIZATION_AUDITOR, "org");
        space = spaces.create(admin(), new SpaceCommands.Create("dev", "org", null));
        roles.space("sm", RoleType.SPACE_MANAGER, "org", space.guid());
        roles.space("sd", RoleType.SPACE_DEVELOPER, "org", space.guid());
    }

    private Organization org(String guid, String name, boolean suspended) {
        return new Organization(guid, clock.instant(), clock.instant(), name, suspended, null, Metadata.empty());
    }

    private Permissions as(String user, String... scopes) {
        return new Permissions(new Principal(user, user, "uaa", "cf", Set.of(scopes)), roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private Permissions writer(String user) {
        return as(user, Principal.READ, Principal.WRITE);
    }

    private static void fails(ThrowingCallable call, CfError kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    private List<String> eventTypes() {
        return events.list(null).resources().stream().map(AuditEvent::type).toList();
    }

    private Space stored() {
        return spaceRows.find(space.guid()).orElseThrow();
    }

    private void suspendOrg() {
        orgs.update(org("org", "Boardgames", true));
    }

    private void suspendSpace() {
        spaces.update(admin(), space.guid(), new SpaceCommands.Update(null, true, null));
    }

    @Test
    void orgManagersCreateSpacesAndTheRequestIsAudited() {
        var labels = new MetadataUpdate(Map.of("tier", "gold"), null);
        var created = spaces.create(writer("manager"), new SpaceCommands.Create("qa", "org", null, labels));
        assertThat(created.organizationGuid()).isEqualTo("org");
        assertThat(created.allowSsh()).isTrue();
        assertThat(created.suspended()).isFalse();
        assertThat(created.metadata().labels()).containsEntry("tier", "gold");
        AuditEvent event = events.list(null).resources().get(1);
        assertThat(event.type()).isEqualTo("audit.space.create");
        assertThat(event.target()).isEqualTo(new AuditEvent.Target(created.guid(), "space", "qa"));
        assertThat(event.spaceGuid()).isEqualTo(created.guid());
        assertThat(event.organizationGuid()).isEqualTo("org");
        assertThat(event.data()).isEqualTo(Map.of("request", Map.of("name", "qa",
                "relationships", Map.of("organization", Map.of("data", Map.of("guid", "org"))),
                "metadata", Map.of("labels", Map.of("tier", "gold")))));
    }

    @Test
    void aSpaceMayBeCreatedSuspended() {
        var created = spaces.create(writer("manager"), new SpaceCommands.Create("frozen", "org", true, null));
        assertThat(spaceRows.find(created.guid()).orElseThrow().suspended()).isTrue();
    }

    @Test
    void orgMembersWhoAreNotManagersMayNotCreateSpaces() {
        fails(() -> spaces.create(writer("auditor"), new SpaceCommands.Create("qa", "org", null)),
                CfError.NotAuthorized, null);
        fails(() -> spaces.create(writer("sm"), new SpaceCommands.Create("qa", "org", null)),
                CfError.NotAuthorized, null);
        assertThat(spaceRows.inOrganization("org")).hasSize(1);
    }

    @Test
    void anInvisibleOrMissingOrganizationIsUnprocessable() {
        String text = "Invalid organization. Ensure the organization exists and you have access to it.";
        fails(() -> spaces.create(writer("manager"), new SpaceCommands.Create("qa", "other", null)),
                CfError.UnprocessableEntity, text);
        fails(() -> spaces.create(admin(), new SpaceCommands.Create("qa", "missing", null)),
                CfError.UnprocessableEntity, text);
        assertThat(spaceRows.inOrganization("other")).isEmpty();
    }

    @Test
    void namesAreUniquePerOrganizationIgnoringCase() {
        fails(() -> spaces.create(admin(), new SpaceCommands.Create("DEV", "org", null)),
                CfError.UnprocessableEntity, "Name must be unique per organization");
        assertThat(spaceRows.inOrganization("org")).hasSize(1);
        assertThat(spaces.create(admin(), new SpaceCommands.Create("dev", "other", null))).isNotNull();
    }

    @Test
    void suspendedOrganizationsRefuseEveryWriteButAnAdmins() {
        suspendOrg();
        fails(() -> spaces.create(writer("manager"), new SpaceCommands.Create("qa", "org", null)),
                CfError.OrgSuspended, "The organization is suspended");
        fails(() -> spaces.update(writer("manager"), space.guid(), new SpaceCommands.Update("x", null, null)),
                CfError.OrgSuspended, null);
        fails(() -> spaces.update(writer("sm"), space.guid(), new SpaceCommands.Update("x", null, null)),
                CfError.OrgSuspended, null);
        fails(() -> spaces.delete(writer("manager"), space.guid()), CfError.OrgSuspended, null);
        fails(() -> spaces.updateFeature(writer("sm"), space.guid(), "ssh", false), CfError.OrgSuspended, null);
        assertThat(stored().name()).isEqualTo("dev");
        assertThat(stored().allowSsh()).isTrue();
        assertThat(spaces.create(admin(), new SpaceCommands.Create("qa", "org", null))).isNotNull();
    }

    @Test
    void aSuspendedSpaceRefusesItsManagersButNotOrgManagers() {
        suspendSpace();
        fails(() -> spaces.update(writer("sm"), space.guid(), new SpaceCommands.Update("x", null, null)),
                CfError.SpaceSuspended, "The space is suspended");
        fails(() -> spaces.updateFeature(writer("sm"), space.guid(), "ssh", false), CfError.SpaceSuspended, null);
        assertThat(stored().name()).isEqualTo("dev");
        var resumed = spaces.update(writer("manager"), space.guid(), new SpaceCommands.Update(null, false, null));
        assertThat(resumed.suspended()).isFalse();
    }

    @Test
    void onlyAdminsAndOrgManagersChangeSuspended() {
        fails(() -> spaces.update(writer("sm"), space.guid(), new SpaceCommands.Update(null, true, null)),
                CfError.NotAuthorized, null);
        assertThat(stored().suspended()).isFalse();
        assertThat(spaces.update(writer("manager"), space.guid(), new SpaceCommands.Update(null, true, null))
                .suspended()).isTrue();
    }

    @Test
    void spaceManagersRenameAndTheRequestIsAudited() {
        var labels = new MetadataUpdate(Map.of("k", "v"), null);
        var renamed = spaces.update(writer("sm"), space.guid(), new SpaceCommands.Update("codenames", null, labels));
        assertThat(renamed.name()).isEqualTo("codenames");
        assertThat(stored().name()).isEqualTo("codenames");
        assertThat(renamed.metadata().labels()).containsEntry("k", "v");
        AuditEvent event = events.list(null).resources().get(1);
        assertThat(event.type()).isEqualTo("audit.space.update");
        assertThat(event.spaceGuid()).isEqualTo(space.guid());
        assertThat(event.organizationGuid()).isEqualTo("org");
        assertThat(event.data()).isEqualTo(Map.of("request",
                Map.of("name", "codenames", "metadata", Map.of("labels", Map.of("k", "v")))));
    }

    @Test
    void renamingOntoATakenNameNamesTheOrganization() {
        spaces.create(admin(), new SpaceCommands.Create("space2", "org", null));
        fails(() -> spaces.update(admin(), space.guid(), new SpaceCommands.Update("SPACE2", null, null)),
                CfError.UnprocessableEntity, "Organization 'Boardgames' already contains a space with name 'SPACE2'.");
        assertThat(stored().name()).isEqualTo("dev");
        assertThat(spaces.update(admin(), space.guid(), new SpaceCommands.Update("DEV", null, null)).name())
                .isEqualTo("DEV");
    }

    @Test
    void invisibleSpacesAreNotFoundAndVisibleButForbiddenIsNotAuthorized() {
        fails(() -> spaces.get(as("stranger", Principal.READ), space.guid()), CfError.ResourceNotFound,
                "Space not found");
        fails(() -> spaces.get(as("auditor", Principal.READ), space.guid()), CfError.ResourceNotFound, null);
        fails(() -> spaces.update(writer("auditor"), space.guid(), new SpaceCommands.Update("x", null, null)),
                CfError.ResourceNotFound, null);
        assertThat(spaces.get(as("sd", Principal.READ), space.guid()).name()).isEqualTo("dev");
        assertThat(spaces.get(as("manager", Principal.READ), space.guid()).name()).isEqualTo("dev");
        fails(() -> spaces.update(writer("sd"), space.guid(), new SpaceCommands.Update("x", null, null)),
                CfError.NotAuthorized, null);
        assertThat(eventTypes()).containsExactly("audit.space.create");
    }

    @Test
    void listsCarryTheSpaceVisibilityOfThePrincipal() {
        spaces.list(as("sd", Principal.READ), ListQuery.all());
        assertThat(spaceRows.lastQuery().visibility()).isEqualTo(as("sd", Principal.READ).spaceVisibility());
        spaces.list(as("ga", Principal.GLOBAL_AUDITOR), ListQuery.all());
        assertThat(spaceRows.lastQuery().visibility().all()).isTrue();
    }

    @Test
    void includedOrganizationsAreLoadedOncePerOrganization() {
        var second = spaces.create(admin(), new SpaceCommands.Create("qa", "org", null));
        assertThat(spaces.organizationsOf(List.of(space, second))).extracting(Organization::guid)
                .containsExactly("org");
    }

    @Test
    void deletingIsForAdminsAndOrgManagersAndRecordsTheRequest() {
        fails(() -> spaces.delete(writer("sm"), space.guid()), CfError.NotAuthorized, null);
        fails(() -> spaces.delete(writer("auditor"), space.guid()), CfError.ResourceNotFound, null);
        var job = spaces.delete(writer("manager"), space.guid());
        assertThat(job.operation()).isEqualTo("space.delete");
        assertThat(job.resourceType()).isEqualTo("spaces");
        assertThat(job.resourceGuid()).isEqualTo(space.guid());
        assertThat(jobRows.find(job.guid())).isPresent();
        AuditEvent event = events.list(null).resources().get(1);
        assertThat(event.type()).isEqualTo("audit.space.delete-request");
        assertThat(event.data()).isEqualTo(Map.of("request", Map.of("recursive", true)));
        assertThat(stored()).isNotNull();
    }

    @Test
    void theDeleteJobRunsTheOrganizationCascadeForTheSpaceAndToleratesAGoneSpace() {
        metadata.replace(space.guid(), "space", new Metadata(Map.of("a", "b"), Map.of()));
        var cascade = new OrganizationDeletion(orgs, spaceRows, roles, metadata, List.of(),
                new Jobs(jobRows, clock, () -> "j" + ids.incrementAndGet()));
        var handler = new SpaceDeletion(spaceRows, cascade);
        var job = spaces.delete(admin(), space.guid());
        handler.perform(job);
        assertThat(spaceRows.find(space.guid())).isEmpty();
        assertThat(metadata.load(space.guid()).labels()).isEmpty();
        assertThat(roles.forUser("sm")).isEmpty();
        assertThat(roles.forUser("manager")).hasSize(1);
        assertThat(orgs.find("org")).isPresent();
        handler.perform(job);
    }

    @Test
    void contentsThatCannotGoYetKeepTheSpaceAndFailTheJobWithTheReferencesErrors() {
        Space other = spaces.create(admin(), new SpaceCommands.Create("qa", "org", null));
        dev.capi.domain.organizations.OrganizationCleanup brokers = new dev.capi.domain.organizations
                .OrganizationCleanup() {
            @Override
            public List<String> releaseSpaceContents(String spaceGuid) {
                return spaceGuid.equals(space.guid()) ? List.of("An operation for service instance db is in progress.",
                        "Service instance mq: Service broker error: boom") : List.of();
            }
        };
        var jobs = new Jobs(jobRows, clock, () -> "j" + ids.incrementAndGet());
        var cascade = new OrganizationDeletion(orgs, spaceRows, roles, metadata, List.of(brokers), jobs);
        String spaceText = "Deletion of space dev failed because one or more resources within could not be deleted."
                + "\n\n\tAn operation for service instance db is in progress.\n\n\tService instance mq: Service "
                + "broker error: boom";

        var spaceJob = spaces.delete(admin(), space.guid());
        jobRows.update(spaceJob);
        new SpaceDeletion(spaceRows, cascade).perform(spaceJob);
        var failedSpace = jobRows.find(spaceJob.guid()).orElseThrow();
        assertThat(failedSpace.state()).isEqualTo(dev.capi.model.JobState.FAILED);
        assertThat(failedSpace.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(290008);
            assertThat(e.title()).isEqualTo("CF-SpaceDeletionFailed");
            assertThat(e.detail()).isEqualTo(spaceText);
        });
        assertThat(spaceRows.find(space.guid())).isPresent();

        var orgJob = jobs.enqueue("organization.delete", "organization", "org");
        cascade.perform(orgJob);
        var failedOrg = jobRows.find(orgJob.guid()).orElseThrow();
        assertThat(failedOrg.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(290010);
            assertThat(e.title()).isEqualTo("CF-OrganizationDeletionFailed");
            assertThat(e.detail()).isEqualTo("Deletion of organization Boardgames failed because one or more "
                    + "resources within could not be deleted.\n\n" + spaceText);
        });
        assertThat(spaceRows.find(space.guid())).as("the space that could not go stays").isPresent();
        assertThat(spaceRows.find(other.guid())).as("the space that could go is gone").isEmpty();
        assertThat(orgs.find("org")).isPresent();
    }

    @Test
    void sshIsTheOnlyFeatureAndSpaceManagersToggleIt() {
        assertThat(spaces.features(as("sd", Principal.READ), space.guid())).isEqualTo(Map.of("ssh", true));
        assertThat(spaces.updateFeature(writer("sm"), space.guid(), "ssh", false)).isFalse();
        assertThat(spaces.feature(as("sd", Principal.READ), space.guid(), "ssh")).isFalse();
        assertThat(stored().allowSsh()).isFalse();
        fails(() -> spaces.updateFeature(writer("sd"), space.guid(), "ssh", true), CfError.NotAuthorized, null);
        fails(() -> spaces.feature(as("sd", Principal.READ), space.guid(), "bogus"), CfError.ResourceNotFound,
                "Feature not found");
        fails(() -> spaces.updateFeature(writer("sd"), space.guid(), "bogus", true), CfError.ResourceNotFound,
                "Feature not found");
        fails(() -> spaces.feature(as("stranger", Principal.READ), space.guid(), "bogus"),
                CfError.ResourceNotFound, "Space not found");
        assertThat(stored().allowSsh()).isFalse();
    }
}

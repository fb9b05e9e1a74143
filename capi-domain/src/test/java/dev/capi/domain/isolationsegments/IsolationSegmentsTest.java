package dev.capi.domain.isolationsegments;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryAuditEventLog;
import dev.capi.domain.fakes.InMemoryIsolationSegments;
import dev.capi.domain.fakes.InMemoryMetadata;
import dev.capi.domain.fakes.InMemoryOrganizations;
import dev.capi.domain.fakes.InMemorySpaces;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.IsolationSegment;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsolationSegmentsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger ids = new AtomicInteger();
    private final InMemoryOrganizations orgs = new InMemoryOrganizations();
    private final InMemorySpaces spaces = new InMemorySpaces();
    private final InMemoryMetadata metadataStore = new InMemoryMetadata();
    private final InMemoryIsolationSegments repository = new InMemoryIsolationSegments(orgs, spaces);
    private final InMemoryAuditEventLog events = new InMemoryAuditEventLog();
    private final FixedRoles roles = new FixedRoles();
    private IsolationSegments segments;
    private IsolationSegmentEntitlements entitlements;
    private IsolationSegmentAssignments assignments;

    @BeforeEach
    void setUp() {
        var tx = new ImmediateTransactions();
        segments = new IsolationSegments(repository, metadataStore, tx, new MetadataChanges(metadataStore, 50, 200),
                clock, () -> "seg" + ids.incrementAndGet());
        entitlements = new IsolationSegmentEntitlements(repository, segments, orgs, spaces, tx, clock);
        assignments = new IsolationSegmentAssignments(repository, orgs, spaces,
                new AuditEvents(events, clock, () -> "e" + ids.incrementAndGet()), tx, clock);
        Instant t = clock.instant();
        repository.insert(new IsolationSegment(IsolationSegment.SHARED_GUID, t, t, "shared", Metadata.empty()));
        orgs.insert(new Organization("org", t, t, "org", false, null, Metadata.empty()));
        orgs.insert(new Organization("other", t, t, "other", false, null, Metadata.empty()));
        spaces.insert(new Space("space", t, t, "dev", "org", false, true, null, null, Metadata.empty()));
        roles.org("manager", RoleType.ORGANIZATION_MANAGER, "org");
        roles.org("user", RoleType.ORGANIZATION_USER, "org");
        roles.org("user", RoleType.ORGANIZATION_USER, "other");
        roles.org("developer", RoleType.ORGANIZATION_USER, "org");
        roles.space("developer", RoleType.SPACE_DEVELOPER, "org", "space");
        roles.org("spacemanager", RoleType.ORGANIZATION_USER, "org");
        roles.space("spacemanager", RoleType.SPACE_MANAGER, "org", "space");
    }

    private Permissions as(String user, String... scopes) {
        return new Permissions(new Principal(user, user, "uaa", "cf", Set.of(scopes)), roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private String segment(String name) {
        return segments.create(admin(), new IsolationSegmentCommands.Create(name, null)).guid();
    }

    private static CfError kind(Runnable r) {
        try {
            r.run();
        } catch (CfException e) {
            return e.kind();
        }
        throw new AssertionError("no CfException");
    }

    @Test
    void adminsCreateSegmentsWithMetadata() {
        var created = segments.create(admin(), new IsolationSegmentCommands.Create("iso",
                new MetadataUpdate(Map.of("tier", "gold"), null)));
        assertThat(created.name()).isEqualTo("iso");
        assertThat(created.metadata().labels()).containsEntry("tier", "gold");
        assertThat(kind(() -> segments.create(as("manager", Principal.WRITE),
                new IsolationSegmentCommands.Create("x", null)))).isEqualTo(CfError.NotAuthorized);
    }

    @Test
    void namesAreUniqueIgnoringCaseAndPrintable() {
        segment("iso");
        assertThatThrownBy(() -> segment("ISO")).isInstanceOf(CfException.class)
                .hasFieldOrPropertyWithValue("detail", "Isolation Segment names are case insensitive and must be unique");
        assertThatThrownBy(() -> segment("a\u0000b")).hasFieldOrPropertyWithValue("detail",
                "Isolation Segment names can only contain non-blank unicode characters");
        assertThat(segment("trailing newline\n")).isNotNull();
    }

    @Test
    void membersOfEntitledOrganizationsSeeTheSegment() {
        String iso = segment("iso");
        assertThat(kind(() -> segments.get(as("user", Principal.READ), iso))).isEqualTo(CfError.ResourceNotFound);
        entitlements.entitle(admin(), iso, List.of("org"));
        assertThat(segments.get(as("user", Principal.READ), iso).guid()).isEqualTo(iso);
        assertThat(segments.get(as("auditor", Principal.GLOBAL_AUDITOR), iso).guid()).isEqualTo(iso);
        assertThat(kind(() -> segments.get(as("stranger", Principal.READ), iso)))
                .isEqualTo(CfError.ResourceNotFound);
    }

    @Test
    void listsCarryTheOrganizationVisibility() {
        var page = segments.list(as("user", Principal.READ), ListQuery.all());
        assertThat(page.resources()).isNotEmpty();
    }

    @Test
    void theSharedSegmentCannotBeUpdatedOrDeleted() {
        assertThatThrownBy(() -> segments.update(admin(), IsolationSegment.SHARED_GUID,
                new IsolationSegmentCommands.Update(true, "other", null)))
                .hasFieldOrPropertyWithValue("detail", "Cannot update the shared Isolation Segment");
        assertThatThrownBy(() -> segments.delete(admin(), IsolationSegment.SHARED_GUID))
                .hasFieldOrPropertyWithValue("detail", "Cannot delete the shared Isolation Segment");
    }

    @Test
    void segmentsInUseCannotBeRenamedAndEntitledOnesCannotBeDeleted() {
        String iso = segment("iso");
        entitlements.entitle(admin(), iso, List.of("org"));
        assertThatThrownBy(() -> segments.delete(admin(), iso))
                .hasFieldOrPropertyWithValue("detail", "Revoke the Organization entitlements for your Isolation Segment.");
        assignments.assignOrganizationDefault(admin(), "org", new IsolationSegmentCommands.Assign(true, iso));
        assertThatThrownBy(() -> segments.update(admin(), iso, new IsolationSegmentCommands.Update(true, "x", null)))
                .hasFieldOrPropertyWithValue("detail",
                        "Cannot update Isolation Segments that are assigned as the default for an Organization or Space.");
        assignments.assignOrganizationDefault(admin(), "org", new IsolationSegmentCommands.Assign(true, null));
        assertThat(segments.update(admin(), iso, new IsolationSegmentCommands.Update(true, "renamed", null)).name())
                .isEqualTo("renamed");
        entitlements.revoke(admin(), iso, "org");
        segments.delete(admin(), iso);
        assertThat(repository.find(iso)).isEmpty();
    }

    @Test
    void entitlingChecksEveryOrganizationFirst() {
        String iso = segment("iso");
        assertThatThrownBy(() -> entitlements.entitle(admin(), iso, List.of("org", "nope", "gone")))
                .hasFieldOrPropertyWithValue("detail", "Unable to entitle organizations ['nope', 'gone'] for the "
                        + "isolation segment. Ensure the organizations exist.");
        assertThat(repository.organizationGuids(iso)).isEmpty();
        assertThat(entitlements.entitle(admin(), iso, List.of("org", "org"))).containsExactly("org");
    }

    @Test
    void entitlingTheSharedSegmentSetsMissingDefaultsOnly() {
        String iso = segment("iso");
        entitlements.entitle(admin(), iso, List.of("other"));
        assignments.assignOrganizationDefault(admin(), "other", new IsolationSegmentCommands.Assign(true, iso));
        entitlements.entitle(admin(), IsolationSegment.SHARED_GUID, List.of("org", "other"));
        assertThat(repository.organizationDefault("org")).contains(IsolationSegment.SHARED_GUID);
        assertThat(repository.organizationDefault("other")).contains(iso);
    }

    @Test
    void revokingIsRefusedForTheDefaultAndForUsedSegments() {
        String iso = segment("iso");
        entitlements.entitle(admin(), iso, List.of("org"));
        assignments.assignOrganizationDefault(admin(), "org", new IsolationSegmentCommands.Assign(true, iso));
        assertThatThrownBy(() -> entitlements.revoke(admin(), iso, "org")).hasFieldOrPropertyWithValue("detail",
                "Cannot remove the entitlement while this Isolation Segment is assigned as the Default Isolation "
                        + "Segment for the Organization.");
        assignments.assignOrganizationDefault(admin(), "org", new IsolationSegmentCommands.Assign(true, null));
        assignments.assignSpaceSegment(admin(), "space", new IsolationSegmentCommands.Assign(true, iso));
        assertThatThrownBy(() -> entitlements.revoke(admin(), iso, "org")).hasFieldOrPropertyWithValue("detail",
                "Cannot remove the entitlement while this Isolation Segment is assigned to any Spaces. Currently "
                        + "assigned to: 'dev'");
        assertThat(kind(() -> entitlements.revoke(admin(), iso, "nope"))).isEqualTo(CfError.ResourceNotFound);
        assertThat(kind(() -> entitlements.revoke(as("manager", Principal.WRITE), iso, "org")))
                .isEqualTo(CfError.NotAuthorized);
    }

    @Test
    void relationshipListsKeepToWhatTheReaderCanSee() {
        String iso = segment("iso");
        entitlements.entitle(admin(), iso, List.of("org", "other"));
        assignments.assignSpaceSegment(admin(), "space", new IsolationSegmentCommands.Assign(true, iso));
        assertThat(entitlements.organizations(admin(), iso)).containsExactly("org", "other");
        assertThat(entitlements.organizations(as("manager", Principal.READ), iso)).containsExactly("org");
        assertThat(entitlements.spaces(as("developer", Principal.READ), iso)).containsExactly("space");
        assertThat(entitlements.spaces(as("user", Principal.READ), iso)).isEmpty();
    }

    @Test
    void orgManagersSetTheDefaultToEntitledSegmentsOfActiveOrganizations() {
        String iso = segment("iso");
        Permissions manager = as("manager", Principal.WRITE);
        assertThatThrownBy(() -> assignments.assignOrganizationDefault(manager, "org",
                new IsolationSegmentCommands.Assign(true, iso))).hasFieldOrPropertyWithValue("detail",
                "Unable to assign isolation segment with guid '" + iso + "'. Ensure it has been entitled to the "
                        + "organization.");
        entitlements.entitle(admin(), iso, List.of("org"));
        assertThat(assignments.assignOrganizationDefault(manager, "org",
                new IsolationSegmentCommands.Assign(true, iso))).contains(iso);
        assertThat(assignments.organizationDefault(as("user", Principal.READ), "org")).contains(iso);
        assertThat(assignments.assignOrganizationDefault(manager, "org",
                new IsolationSegmentCommands.Assign(false, null))).isEmpty();
        assertThat(repository.organizationDefault("org")).as("no data: unchanged").contains(iso);
        assertThat(kind(() -> assignments.assignOrganizationDefault(as("user", Principal.WRITE), "org",
                new IsolationSegmentCommands.Assign(true, iso)))).isEqualTo(CfError.NotAuthorized);
        assertThat(kind(() -> assignments.assignOrganizationDefault(as("stranger", Principal.WRITE), "org",
                new IsolationSegmentCommands.Assign(true, iso)))).isEqualTo(CfError.ResourceNotFound);
        Instant t = clock.instant();
        orgs.update(new Organization("org", t, t, "org", true, null, Metadata.empty()));
        assertThat(kind(() -> assignments.assignOrganizationDefault(manager, "org",
                new IsolationSegmentCommands.Assign(true, iso)))).isEqualTo(CfError.OrgSuspended);
    }

    @Test
    void placingASpaceIsForAdminsAndOrgManagersAndIsAudited() {
        String iso = segment("iso");
        entitlements.entitle(admin(), iso, List.of("org"));
        assertThat(kind(() -> assignments.requirePlaceable(as("spacemanager", Principal.WRITE), "space")))
                .isEqualTo(CfError.NotAuthorized);
        assertThat(kind(() -> assignments.requirePlaceable(as("user", Principal.WRITE), "space")))
                .isEqualTo(CfError.ResourceNotFound);
        assertThat(kind(() -> assignments.requirePlaceable(as("ro", Principal.ADMIN_READ_ONLY), "space")))
                .isEqualTo(CfError.NotAuthorized);
        Optional<String> placed = assignments.assignSpaceSegment(as("manager", Principal.WRITE), "space",
                new IsolationSegmentCommands.Assign(true, iso));
        assertThat(placed).contains(iso);
        assertThat(spaces.find("space").orElseThrow().isolationSegmentGuid()).isEqualTo(iso);
        assertThat(assignments.spaceSegment(as("developer", Principal.READ), "space")).contains(iso);
        var event = events.list(ListQuery.all()).resources().get(0);
        assertThat(event.type()).isEqualTo("audit.space.update");
        assertThat(event.spaceGuid()).isEqualTo("space");
        assertThat(event.data()).isEqualTo(Map.of("request", Map.of("data", Map.of("guid", iso))));
        assignments.assignSpaceSegment(admin(), "space", new IsolationSegmentCommands.Assign(false, null));
        assertThat(spaces.find("space").orElseThrow().isolationSegmentGuid()).as("no data unassigns").isNull();
        assertThatThrownBy(() -> assignments.assignSpaceSegment(admin(), "space",
                new IsolationSegmentCommands.Assign(true, "nope"))).hasFieldOrPropertyWithValue("detail",
                "Unable to assign isolation segment with guid 'nope'. Ensure it has been entitled to the organization "
                        + "that this space belongs to.");
    }

    @Test
    void deletedOrganizationsLoseTheirEntitlements() {
        String iso = segment("iso");
        entitlements.entitle(admin(), iso, List.of("org", "other"));
        new IsolationSegmentCleanup(repository).deleteOrganizationContents("org");
        assertThat(repository.organizationGuids(iso)).containsExactly("other");
    }
}

package dev.capi.domain.quotas;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.FixedUsage;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryAuditEventLog;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryOrganizationQuotas;
import dev.capi.domain.fakes.InMemoryOrganizations;
import dev.capi.domain.fakes.InMemorySpaceQuotas;
import dev.capi.domain.fakes.InMemorySpaces;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.quotas.QuotaCommands.Limit;
import dev.capi.domain.quotas.QuotaCommands.LimitChanges;
import dev.capi.model.AuditEvent;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.model.OrganizationQuota;
import dev.capi.model.QuotaLimits;
import dev.capi.model.SpaceQuota;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpaceQuotasTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String NOT_AUTHORIZED = "You are not authorized to perform the requested action";
    private final AtomicInteger ids = new AtomicInteger();
    private final FixedRoles roles = new FixedRoles()
            .org("om", ORGANIZATION_MANAGER, "o1")
            .org("oa", ORGANIZATION_AUDITOR, "o1")
            .org("sd", ORGANIZATION_USER, "o1").space("sd", SPACE_DEVELOPER, "o1", "s1")
            .org("sd2", ORGANIZATION_USER, "o1").space("sd2", SPACE_DEVELOPER, "o1", "s2")
            .org("om2", ORGANIZATION_MANAGER, "o2");
    private final InMemoryOrganizations orgs = new InMemoryOrganizations();
    private final InMemorySpaces spaces = new InMemorySpaces();

    {
        org("o1", "org-one", false);
        org("o2", "org-two", false);
        org("o3", "frozen", true);
        space("s1", "dev", "o1");
        space("s2", "prod", "o1");
        space("x1", "other", "o2");
        space("f1", "cold", "o3");
    }

    private void org(String guid, String name, boolean suspended) {
        orgs.insert(new Organization(guid, NOW, NOW, name, suspended, null, Metadata.empty()));
    }

    private void space(String guid, String name, String org) {
        spaces.insert(new Space(guid, NOW, NOW, name, org, false, true, null, null, Metadata.empty()));
    }
    private final InMemoryOrganizationQuotas orgQuotas = new InMemoryOrganizationQuotas(orgs, roles);
    private final InMemorySpaceQuotas repository = new InMemorySpaceQuotas(spaces, roles);
    private final InMemoryAuditEventLog events = new InMemoryAuditEventLog();
    private final FixedUsage usage = new FixedUsage();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SpaceQuotas quotas = new SpaceQuotas(repository, orgs, spaces, orgQuotas, usage,
            new ImmediateTransactions(), new AuditEvents(events, clock, () -> "e" + ids.incrementAndGet()),
            new Jobs(new InMemoryJobs(), clock, () -> "j" + ids.incrementAndGet()), clock,
            () -> "q" + ids.incrementAndGet());

    private Permissions as(String user, String... scopes) {
        return new Permissions(new Principal(user, user, "uaa", "cf",
                Set.of(scopes.length == 0 ? new String[]{Principal.READ, Principal.WRITE} : scopes)), roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private static QuotaCommands.CreateSpaceQuota create(String name, String org, LimitChanges limits,
                                                         String... spaceGuids) {
        return new QuotaCommands.CreateSpaceQuota(name, org, limits, List.of(spaceGuids), Map.of("name", name));
    }

    private static void refused(Runnable action, CfError kind, String detail) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    private List<AuditEvent> events() {
        return events.list(ListQuery.all()).resources();
    }

    @Test
    void orgManagersCreateQuotasInTheirOrganizationWithSpaces() {
        SpaceQuota q = quotas.create(as("om"), () -> create("small", "o1",
                new LimitChanges(Map.of(Limit.TOTAL_ROUTES, 5L), null, false), "s1"));
        assertThat(q.organizationGuid()).isEqualTo("o1");
        assertThat(q.spaceGuids()).containsExactly("s1");
        assertThat(q.limits()).isEqualTo(new QuotaLimits(-1, -1, -1, -1, -1, true, -1, -1, 5, -1, -1));
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("audit.space_quota.create");
            assertThat(e.organizationGuid()).isEqualTo("o1");
            assertThat(e.spaceGuid()).isNull();
        });
    }

    @Test
    void createRefusesUnknownOrgsThenOutsidersThenSuspendedOrgs() {
        refused(() -> quotas.create(as("om"), () -> create("q", "nope", LimitChanges.none())),
                CfError.UnprocessableEntity,
                "Organization with guid 'nope' does not exist, or you do not have access to it.");
        for (String user : List.of("oa", "sd", "om2")) {
            refused(() -> quotas.create(as(user), () -> create("q", "o1", LimitChanges.none())),
                    CfError.NotAuthorized, NOT_AUTHORIZED);
        }
        refused(() -> quotas.create(as("aro", Principal.ADMIN_READ_ONLY), () -> create("q", "o1",
                LimitChanges.none())), CfError.NotAuthorized, NOT_AUTHORIZED);
        roles.org("om3", ORGANIZATION_MANAGER, "o3");
        refused(() -> quotas.create(as("om3"), () -> create("q", "o3", LimitChanges.none())), CfError.OrgSuspended,
                "The organization is suspended");
        assertThat(quotas.create(admin(), () -> create("q", "o3", LimitChanges.none())).organizationGuid())
                .isEqualTo("o3");
    }

    @Test
    void createRefusesDuplicateNamesAndSpacesOutsideTheOrganization() {
        quotas.create(as("om"), () -> create("q", "o1", LimitChanges.none()));
        refused(() -> quotas.create(as("om"), () -> create("q", "o1", LimitChanges.none())),
                CfError.UnprocessableEntity, "Space Quota 'q' already exists.");
        assertThat(quotas.create(admin(), () -> create("q", "o2", LimitChanges.none())).name()).isEqualTo("q");
        refused(() -> quotas.create(as("om"), () -> create("q2", "o1", LimitChanges.none(), "s1", "x1")),
                CfError.UnprocessableEntity, "Spaces with guids [\"x1\"] do not exist within the organization "
                        + "specified, or you do not have access to them.");
    }

    @Test
    void reservedPortsStayWithinRoutesAndTheOrganizationQuota() {
        orgQuotas.insert(new OrganizationQuota("oq", NOW, NOW, "default",
                new QuotaLimits(-1, -1, -1, -1, -1, true, -1, -1, -1, 0, -1), List.of()));
        orgQuotas.applyTo("oq", List.of("o1"), NOW);
        String text = "Total reserved ports must be -1, 0, or a positive integer, must be less than or equal to "
                + "total routes, and must be less than or equal to total reserved ports for the organization quota.";
        refused(() -> quotas.create(as("om"), () -> create("q", "o1",
                new LimitChanges(Map.of(Limit.TOTAL_RESERVED_PORTS, 1L), null, false))), CfError.UnprocessableEntity,
                text);
        refused(() -> quotas.create(admin(), () -> create("q", "o2",
                new LimitChanges(Map.of(Limit.TOTAL_RESERVED_PORTS, 3L, Limit.TOTAL_ROUTES, 2L), null, false))),
                CfError.UnprocessableEntity, text);
        assertThat(quotas.create(admin(), () -> create("q", "o2",
                new LimitChanges(Map.of(Limit.TOTAL_RESERVED_PORTS, 3L), null, false))).limits().totalReservedPorts())
                .isEqualTo(3);
    }

    @Test
    void quotasAreVisibleToGlobalReadersOrgManagersAndSpaceRolesOfTheirSpaces() {
        SpaceQuota q = quotas.create(admin(), () -> create("q", "o1", LimitChanges.none(), "s1", "s2"));
        assertThat(quotas.get(as("ga", Principal.GLOBAL_AUDITOR), q.guid()).spaceGuids()).containsExactly("s1", "s2");
        assertThat(quotas.get(as("om"), q.guid()).spaceGuids()).containsExactly("s1", "s2");
        assertThat(quotas.get(as("sd"), q.guid()).spaceGuids()).containsExactly("s1");
        for (String user : List.of("oa", "om2", "nobody")) {
            refused(() -> quotas.get(as(user), q.guid()), CfError.ResourceNotFound, "Space quota not found");
        }
        SpaceQuota unapplied = quotas.create(admin(), () -> create("unapplied", "o1", LimitChanges.none()));
        refused(() -> quotas.get(as("sd"), unapplied.guid()), CfError.ResourceNotFound, "Space quota not found");
        assertThat(quotas.list(as("sd"), ListQuery.all()).resources()).extracting("guid").containsExactly(q.guid());
        assertThat(quotas.list(as("om"), ListQuery.all()).resources()).hasSize(2);
    }

    @Test
    void writesAre404ThenForbiddenThenSuspendedThenTheBody() {
        SpaceQuota q = quotas.create(admin(), () -> create("q", "o1", LimitChanges.none(), "s1"));
        refused(() -> quotas.update(as("oa"), q.guid(), () -> null), CfError.ResourceNotFound,
                "Space quota not found");
        refused(() -> quotas.update(as("sd"), q.guid(), () -> {
            throw new AssertionError("body read before the permission check");
        }), CfError.NotAuthorized, NOT_AUTHORIZED);
        refused(() -> quotas.delete(as("sd"), q.guid()), CfError.NotAuthorized, NOT_AUTHORIZED);
        refused(() -> quotas.apply(as("sd"), q.guid(), List::of), CfError.NotAuthorized, NOT_AUTHORIZED);
        refused(() -> quotas.remove(as("sd"), q.guid(), "s1"), CfError.NotAuthorized, NOT_AUTHORIZED);
        refused(() -> quotas.delete(as("ga", Principal.GLOBAL_AUDITOR), q.guid()), CfError.NotAuthorized,
                NOT_AUTHORIZED);
        org("o1", "org-one", true);
        refused(() -> quotas.update(as("om"), q.guid(), () -> null), CfError.OrgSuspended,
                "The organization is suspended");
        assertThat(quotas.update(admin(), q.guid(), () -> new QuotaCommands.UpdateSpaceQuota("renamed",
                LimitChanges.none(), Map.of())).name()).isEqualTo("renamed");
    }

    @Test
    void applyChecksExistenceReadabilityOwnershipAndLogRates() {
        SpaceQuota q = quotas.create(admin(), () -> create("q", "o1",
                new LimitChanges(Map.of(Limit.LOG_RATE_LIMIT, 100L), null, false)));
        refused(() -> quotas.apply(as("om"), q.guid(), () -> List.of("nope", "s1")), CfError.UnprocessableEntity,
                "Spaces with guids [\"nope\"] do not exist, or you do not have access to them.");
        refused(() -> quotas.apply(as("om"), q.guid(), () -> List.of("x1")), CfError.UnprocessableEntity,
                "Spaces with guids [\"x1\"] do not exist, or you do not have access to them.");
        refused(() -> quotas.apply(admin(), q.guid(), () -> List.of("x1")), CfError.UnprocessableEntity,
                "Space quotas cannot be applied outside of their owning organization.");
        usage.unlimitedLogRateIn("s2");
        refused(() -> quotas.apply(as("om"), q.guid(), () -> List.of("s1", "s2")), CfError.UnprocessableEntity,
                "Current usage exceeds new quota values. The space(s) being assigned this quota contain apps "
                        + "running with an unlimited log rate limit.");
        assertThat(quotas.apply(as("om"), q.guid(), () -> List.of("s1"))).containsExactly("s1");
        AuditEvent apply = events().get(events().size() - 1);
        assertThat(apply.type()).isEqualTo("audit.space_quota.apply");
        assertThat(apply.spaceGuid()).isEqualTo("s1");
        assertThat(apply.data()).isEqualTo(Map.of("space_guid", "s1", "space_name", "dev"));
    }

    @Test
    void removeTakesTheQuotaOffASpaceItIsAppliedTo() {
        SpaceQuota q = quotas.create(admin(), () -> create("q", "o1", LimitChanges.none(), "s1"));
        refused(() -> quotas.remove(as("om"), q.guid(), "s2"), CfError.UnprocessableEntity,
                "Unable to remove quota from space with guid 's2'. Ensure the space quota is applied to this space.");
        quotas.remove(as("om"), q.guid(), "s1");
        assertThat(spaces.find("s1").orElseThrow().quotaGuid()).isNull();
        assertThat(events().get(events().size() - 1).type()).isEqualTo("audit.space_quota.remove");
    }

    @Test
    void aQuotaStillAppliedIsNotDeleted() {
        SpaceQuota q = quotas.create(admin(), () -> create("q", "o1", LimitChanges.none(), "s1"));
        refused(() -> quotas.delete(as("om"), q.guid()), CfError.UnprocessableEntity,
                "This quota is applied to one or more spaces. Remove this quota from all spaces before deleting.");
        quotas.remove(as("om"), q.guid(), "s1");
        var job = quotas.delete(as("om"), q.guid());
        assertThat(job.operation()).isEqualTo("space_quota.delete");
        new SpaceQuotaDeletion(repository).perform(job);
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void updateRefusesAFiniteLogRateOverSpacesRunningUnlimitedLogRates() {
        SpaceQuota q = quotas.create(admin(), () -> create("q", "o1", LimitChanges.none(), "s1"));
        usage.unlimitedLogRateSpacesOfQuota(q.guid(), List.of("dev", "prod"));
        refused(() -> quotas.update(as("om"), q.guid(), () -> new QuotaCommands.UpdateSpaceQuota(null,
                        new LimitChanges(Map.of(Limit.LOG_RATE_LIMIT, 1L), null, false), Map.of())),
                CfError.UnprocessableEntity, "Current usage exceeds new quota values. This quota is applied to spaces "
                        + "'dev', 'prod' which contain apps running with an unlimited log rate limit.");
    }
}

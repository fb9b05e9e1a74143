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
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.quotas.QuotaCommands.Limit;
import dev.capi.domain.quotas.QuotaCommands.LimitChanges;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.QuotaLimits;
import dev.capi.model.RoleType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationQuotasTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final FixedRoles roles = new FixedRoles().org("om", RoleType.ORGANIZATION_MANAGER, "o1");
    private final InMemoryOrganizations orgs = new InMemoryOrganizations();

    {
        org("o1", "org-one");
        org("o2", "org-two");
    }

    private void org(String guid, String name) {
        orgs.insert(new Organization(guid, NOW, NOW, name, false, null, Metadata.empty()));
    }
    private final InMemoryOrganizationQuotas repository = new InMemoryOrganizationQuotas(orgs, roles);
    private final InMemoryAuditEventLog events = new InMemoryAuditEventLog();
    private final InMemoryJobs jobRows = new InMemoryJobs();
    private final FixedUsage usage = new FixedUsage();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationQuotas quotas = new OrganizationQuotas(repository, orgs, usage,
            new ImmediateTransactions(), new AuditEvents(events, clock, () -> "e" + ids.incrementAndGet()),
            new Jobs(jobRows, clock, () -> "j" + ids.incrementAndGet()), clock, () -> "q" + ids.incrementAndGet());

    private Permissions admin() {
        return new Permissions(new Principal("admin", "admin", "uaa", "cf", Set.of(Principal.ADMIN)), roles);
    }

    private Permissions user(String guid, String... scopes) {
        return new Permissions(new Principal(guid, guid, "uaa", "cf",
                Set.of(scopes.length == 0 ? new String[]{Principal.READ, Principal.WRITE} : scopes)), roles);
    }

    private static LimitChanges limits(Map<Limit, Long> numbers) {
        return new LimitChanges(numbers, null, false);
    }

    private static QuotaCommands.CreateOrganizationQuota create(String name, LimitChanges limits, String... orgGuids) {
        return new QuotaCommands.CreateOrganizationQuota(name, limits, List.of(orgGuids), Map.of("name", name));
    }

    private List<AuditEvent> events() {
        return events.list(ListQuery.all()).resources();
    }

    private static void refused(Runnable action, CfError kind, String detail) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    @Test
    void createdQuotasAreUnlimitedExceptWhatTheRequestNames() {
        var q = quotas.create(admin(), () -> create("gold", limits(Map.of(Limit.TOTAL_MEMORY_IN_MB, 1024L))));
        assertThat(q.name()).isEqualTo("gold");
        assertThat(q.limits()).isEqualTo(new QuotaLimits(1024, -1, -1, -1, -1, true, -1, -1, -1, -1, -1));
        assertThat(q.createdAt()).isEqualTo(NOW);
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("audit.organization_quota.create");
            assertThat(e.target()).isEqualTo(new AuditEvent.Target(q.guid(), "organization_quota", "gold"));
            assertThat(e.organizationGuid()).isNull();
            assertThat(e.data()).isEqualTo(Map.of("request", Map.of("name", "gold")));
        });
    }

    @Test
    void onlyAdminsWriteAndTheBodyIsNotReadBeforeThePermissionCheck() {
        for (Permissions p : List.of(user("om"), user("aro", Principal.ADMIN_READ_ONLY),
                user("ga", Principal.GLOBAL_AUDITOR))) {
            refused(() -> quotas.create(p, () -> {
                throw new AssertionError("body read before the permission check");
            }), CfError.NotAuthorized, "You are not authorized to perform the requested action");
            refused(() -> quotas.update(p, "x", () -> {
                throw new AssertionError("body read");
            }), CfError.NotAuthorized, "You are not authorized to perform the requested action");
            refused(() -> quotas.apply(p, "x", List::of), CfError.NotAuthorized,
                    "You are not authorized to perform the requested action");
            refused(() -> quotas.delete(p, "x"), CfError.NotAuthorized,
                    "You are not authorized to perform the requested action");
        }
    }

    @Test
    void everyReaderSeesEveryQuotaButOnlyTheOrganizationsItReads() {
        var q = quotas.create(admin(), () -> create("gold", LimitChanges.none(), "o1", "o2"));
        assertThat(quotas.get(admin(), q.guid()).organizationGuids()).containsExactly("o1", "o2");
        assertThat(quotas.get(user("om"), q.guid()).organizationGuids()).containsExactly("o1");
        assertThat(quotas.get(user("nobody"), q.guid()).organizationGuids()).isEmpty();
        assertThat(quotas.list(user("nobody"), ListQuery.all()).resources()).extracting("guid")
                .containsExactly(q.guid());
        refused(() -> quotas.get(user("om"), "missing"), CfError.ResourceNotFound, "Organization quota not found");
    }

    @Test
    void namesAreUniqueOnCreateAndUpdate() {
        quotas.create(admin(), () -> create("gold", LimitChanges.none()));
        var silver = quotas.create(admin(), () -> create("silver", LimitChanges.none()));
        refused(() -> quotas.create(admin(), () -> create("gold", LimitChanges.none())), CfError.UnprocessableEntity,
                "Organization Quota 'gold' already exists.");
        refused(() -> quotas.update(admin(), silver.guid(), () -> new QuotaCommands.UpdateOrganizationQuota("gold",
                LimitChanges.none(), Map.of())), CfError.UnprocessableEntity, "Organization Quota 'gold' already exists.");
        assertThat(quotas.update(admin(), silver.guid(), () -> new QuotaCommands.UpdateOrganizationQuota("silver",
                LimitChanges.none(), Map.of())).name()).isEqualTo("silver");
    }

    @Test
    void reservedPortsMayNotExceedTotalRoutes() {
        refused(() -> quotas.create(admin(), () -> create("q", limits(Map.of(Limit.TOTAL_ROUTES, 2L,
                        Limit.TOTAL_RESERVED_PORTS, 3L)))), CfError.UnprocessableEntity,
                "Total reserved ports must be -1, 0, or a positive integer, and must be less than or equal to total "
                        + "routes.");
        assertThat(quotas.create(admin(), () -> create("q", limits(Map.of(Limit.TOTAL_RESERVED_PORTS, 3L))))
                .limits().totalReservedPorts()).isEqualTo(3);
    }

    @Test
    void unknownOrganizationsAreNamedAsRubyPrintsThem() {
        refused(() -> quotas.create(admin(), () -> create("q", LimitChanges.none(), "o1", "nope")),
                CfError.UnprocessableEntity,
                "Organizations with guids [\"nope\"] do not exist, or you do not have access to them.");
        var q = quotas.create(admin(), () -> create("q2", LimitChanges.none()));
        refused(() -> quotas.apply(admin(), q.guid(), () -> List.of("nope", "o2")), CfError.UnprocessableEntity,
                "Organizations with guids [\"nope\"] do not exist");
    }

    @Test
    void updateChangesOnlyWhatIsNamedAndNullMeansUnlimited() {
        var q = quotas.create(admin(), () -> create("q", limits(Map.of(Limit.TOTAL_MEMORY_IN_MB, 8L,
                Limit.PER_APP_TASKS, 3L))));
        var numbers = new HashMap<Limit, Long>();
        numbers.put(Limit.TOTAL_MEMORY_IN_MB, null);
        numbers.put(Limit.TOTAL_SERVICE_INSTANCES, 14L);
        var updated = quotas.update(admin(), q.guid(), () -> new QuotaCommands.UpdateOrganizationQuota(null,
                new LimitChanges(numbers, false, true), Map.of("services", Map.of())));
        assertThat(updated.limits()).isEqualTo(new QuotaLimits(-1, -1, -1, 3, -1, false, 14, -1, -1, -1, -1));
        assertThat(events().get(1).type()).isEqualTo("audit.organization_quota.update");
    }

    @Test
    void aFiniteLogRateIsRefusedWhileOrganizationsRunUnlimitedLogRates() {
        var q = quotas.create(admin(), () -> create("q", LimitChanges.none()));
        usage.unlimitedLogRateOrgsOfQuota(q.guid(), List.of("a", "b", "c", "d"));
        refused(() -> quotas.update(admin(), q.guid(), () -> new QuotaCommands.UpdateOrganizationQuota(null,
                        limits(Map.of(Limit.LOG_RATE_LIMIT, 10L)), Map.of())), CfError.UnprocessableEntity,
                "Current usage exceeds new quota values. This quota is applied to orgs 'a', 'b' and 2 other orgs "
                        + "which contain apps running with an unlimited log rate limit.");
        usage.unlimitedLogRateOrgsOfQuota(q.guid(), List.of("a"));
        refused(() -> quotas.update(admin(), q.guid(), () -> new QuotaCommands.UpdateOrganizationQuota(null,
                        limits(Map.of(Limit.LOG_RATE_LIMIT, 10L)), Map.of())), CfError.UnprocessableEntity,
                "Current usage exceeds new quota values. This quota is applied to org 'a' which contains apps running "
                        + "with an unlimited log rate limit.");
        var unlimited = new HashMap<Limit, Long>();
        unlimited.put(Limit.LOG_RATE_LIMIT, null);
        quotas.update(admin(), q.guid(), () -> new QuotaCommands.UpdateOrganizationQuota(null,
                new LimitChanges(unlimited, null, false), Map.of()));

        var finite = quotas.create(admin(), () -> create("finite", limits(Map.of(Limit.LOG_RATE_LIMIT, 5L))));
        usage.unlimitedLogRateIn("o2");
        refused(() -> quotas.apply(admin(), finite.guid(), () -> List.of("o2")), CfError.UnprocessableEntity,
                "Current usage exceeds new quota values. The org(s) being assigned this quota contain apps running "
                        + "with an unlimited log rate limit.");
    }

    @Test
    void applyingRecordsOneEventPerOrganizationAndAnswersAllOrganizations() {
        var q = quotas.create(admin(), () -> create("q", LimitChanges.none(), "o1"));
        assertThat(quotas.apply(admin(), q.guid(), () -> List.of("o2"))).containsExactly("o1", "o2");
        AuditEvent apply = events().get(events().size() - 1);
        assertThat(apply.type()).isEqualTo("audit.organization_quota.apply");
        assertThat(apply.organizationGuid()).isEqualTo("o2");
        assertThat(apply.data()).isEqualTo(Map.of("organization_guid", "o2", "organization_name", "org-two"));
    }

    @Test
    void aQuotaInUseIsNotDeletedAndAnUnusedOneIsDeletedByItsJob() {
        var used = quotas.create(admin(), () -> create("used", LimitChanges.none(), "o1"));
        refused(() -> quotas.delete(admin(), used.guid()), CfError.UnprocessableEntity,
                "This quota is applied to one or more organizations. Apply different quotas to those organizations "
                        + "before deleting.");
        var unused = quotas.create(admin(), () -> create("unused", LimitChanges.none()));
        Job job = quotas.delete(admin(), unused.guid());
        assertThat(job.operation()).isEqualTo("organization_quota.delete");
        assertThat(job.resourceType()).isEqualTo("organization_quotas");
        assertThat(events().get(events().size() - 1).type()).isEqualTo("audit.organization_quota.delete");
        new OrganizationQuotaDeletion(repository).perform(job);
        assertThat(repository.all()).extracting("name").containsExactly("used");
        refused(() -> new OrganizationQuotaDeletion(repository).perform(job), CfError.ResourceNotFound,
                "Organization quota not found");
    }

    @Test
    void seedingCreatesMissingQuotasAndKeepsChangedOnes() {
        var configured = new QuotaLimits(10240, -1, -1, -1, -1, true, 100, -1, 1000, 0, -1);
        quotas.seed(Map.of("default", configured));
        var seeded = repository.findByName("default").orElseThrow();
        assertThat(seeded.limits()).isEqualTo(configured);
        quotas.update(admin(), seeded.guid(), () -> new QuotaCommands.UpdateOrganizationQuota(null,
                limits(Map.of(Limit.TOTAL_MEMORY_IN_MB, 1L)), Map.of()));
        quotas.seed(Map.of("default", configured));
        assertThat(repository.all()).singleElement().satisfies(q -> {
            assertThat(q.guid()).isEqualTo(seeded.guid());
            assertThat(q.limits().totalMemoryInMb()).isEqualTo(1);
        });
    }
}

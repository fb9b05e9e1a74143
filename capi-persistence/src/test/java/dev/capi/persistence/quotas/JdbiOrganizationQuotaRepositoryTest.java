package dev.capi.persistence.quotas;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.OrganizationQuota;
import dev.capi.model.QuotaLimits;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiOrganizationQuotaRepositoryTest {
    private static final QuotaLimits GOLD = new QuotaLimits(10240, 1024, 50, 5, 1 << 20, false, 100, 20, 1000, 4,
            7);
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiOrganizationQuotaRepository quotas;
    private JdbiOrganizationRepository orgs;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        quotas = new JdbiOrganizationQuotaRepository(jdbi);
        orgs = new JdbiOrganizationRepository(jdbi, new JdbiMetadataRepository(jdbi), "default");
        roles = new JdbiRoleRepository(jdbi);
        quotas.insert(quota("q1", "gold", GOLD, t0));
        quotas.insert(quota("q2", "silver", QuotaLimits.unlimited(), t0.plusSeconds(10)));
        quotas.insert(quota("q3", "default", QuotaLimits.unlimited(), t0.plusSeconds(20)));
        for (String o : List.of("o1", "o2", "o3")) {
            orgs.insert(new Organization(o, t0, t0, "org-" + o, false, null, Metadata.empty()));
        }
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static OrganizationQuota quota(String guid, String name, QuotaLimits limits, Instant at) {
        return new OrganizationQuota(guid, at, at, name, limits, List.of());
    }

    private static ListQuery query(Map<String, List<String>> filters, Visibility v) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, v);
    }

    private static List<String> guids(Page<OrganizationQuota> page) {
        return page.resources().stream().map(OrganizationQuota::guid).toList();
    }

    @Test
    void storesEveryLimitIncludingUnlimitedAsMinusOne() {
        assertThat(quotas.find("q1", Visibility.everything()).orElseThrow().limits()).isEqualTo(GOLD);
        assertThat(quotas.find("q2", Visibility.everything()).orElseThrow().limits())
                .isEqualTo(QuotaLimits.unlimited());
        assertThat(quotas.find("nope", Visibility.everything())).isEmpty();
        assertThat(quotas.findByName("silver").orElseThrow().guid()).isEqualTo("q2");
        assertThat(quotas.nameTaken("gold")).isTrue();
        assertThat(quotas.nameTaken("GOLD")).as("case-insensitive, as the reference's quota_definitions").isTrue();
        assertThat(quotas.nameTaken("bronze")).isFalse();
    }

    @Test
    void listsInCreationOrderFilteredByNamesAndGuidsAndOrderedByCreatedAt() {
        assertThat(guids(quotas.list(query(Map.of(), Visibility.everything())))).containsExactly("q1", "q2", "q3");
        assertThat(guids(quotas.list(query(Map.of("names", List.of("silver", "default"), "guids",
                List.of("q1", "q2")), Visibility.everything())))).containsExactly("q2");
        var desc = new ListQuery(1, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<OrganizationQuota> page = quotas.list(desc);
        assertThat(guids(page)).containsExactly("q3", "q2");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void relatedOrganizationsAreLimitedToThoseTheReaderSees() {
        quotas.applyTo("q1", List.of("o1", "o2"), t0.plusSeconds(60));
        roles.insert(new Role("r1", t0, t0, RoleType.ORGANIZATION_AUDITOR, "u1", "o2", null));
        var u1 = Visibility.of("u1", Set.of(RoleType.SPACE_DEVELOPER), Set.of(RoleType.ORGANIZATION_AUDITOR));
        assertThat(quotas.find("q1", Visibility.everything()).orElseThrow().organizationGuids())
                .containsExactly("o1", "o2");
        assertThat(quotas.find("q1", u1).orElseThrow().organizationGuids()).containsExactly("o2");
        assertThat(quotas.find("q1", Visibility.nothing()).orElseThrow().organizationGuids()).isEmpty();
        assertThat(quotas.list(query(Map.of(), u1)).resources()).extracting(OrganizationQuota::organizationGuids)
                .containsExactly(List.of("o2"), List.of(), List.of());
        assertThat(orgs.find("o1").orElseThrow().quotaGuid()).isEqualTo("q1");
        assertThat(orgs.find("o1").orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(quotas.organizationGuids("q1")).containsExactly("o1", "o2");
    }

    @Test
    void organizationGuidsMatchOnlyThroughReadableOrganizations() {
        quotas.applyTo("q1", List.of("o1"), t0);
        quotas.applyTo("q2", List.of("o2"), t0);
        roles.insert(new Role("r1", t0, t0, RoleType.ORGANIZATION_USER, "u1", "o2", null));
        var filter = Map.of("organization_guids", List.of("o1", "o2"));
        assertThat(guids(quotas.list(query(filter, Visibility.everything())))).containsExactly("q1", "q2");
        var u1 = Visibility.of("u1", Set.of(), Set.of(RoleType.ORGANIZATION_USER));
        assertThat(guids(quotas.list(query(filter, u1)))).containsExactly("q2");
        assertThat(guids(quotas.list(query(Map.of(), u1)))).containsExactly("q1", "q2", "q3");
    }

    @Test
    void aTakenNameIsTheReferencesUnprocessableEntity() {
        assertThatThrownBy(() -> quotas.insert(quota("q9", "gold", GOLD, t0)))
                .isInstanceOfSatisfying(CfException.class, e ->
                        assertThat(e.detail()).isEqualTo("Organization Quota 'gold' already exists."));
        assertThatThrownBy(() -> quotas.update(quota("q2", "gold", GOLD, t0)))
                .isInstanceOfSatisfying(CfException.class, e ->
                        assertThat(e.detail()).isEqualTo("Organization Quota 'gold' already exists."));
    }

    @Test
    void updatesNameAndLimitsAndDeletes() {
        quotas.update(new OrganizationQuota("q2", t0, t0.plusSeconds(99), "bronze", GOLD, List.of()));
        var q2 = quotas.find("q2", Visibility.everything()).orElseThrow();
        assertThat(q2.name()).isEqualTo("bronze");
        assertThat(q2.limits()).isEqualTo(GOLD);
        assertThat(q2.updatedAt()).isEqualTo(t0.plusSeconds(99));
        assertThat(q2.createdAt()).isEqualTo(t0.plusSeconds(10));
        assertThat(quotas.inUse("q2")).isFalse();
        quotas.applyTo("q2", List.of("o3"), t0);
        assertThat(quotas.inUse("q2")).isTrue();
        quotas.delete("q1");
        assertThat(quotas.find("q1", Visibility.everything())).isEmpty();
    }

    @Test
    void newOrganizationsGetTheConfiguredDefaultQuota() {
        assertThat(orgs.defaultQuotaGuid()).contains("q3");
        var jdbi = db.database().jdbi();
        assertThat(new JdbiOrganizationRepository(jdbi, new JdbiMetadataRepository(jdbi), "nope").defaultQuotaGuid())
                .isEmpty();
        assertThat(new JdbiOrganizationRepository(jdbi, new JdbiMetadataRepository(jdbi), null).defaultQuotaGuid())
                .isEmpty();
    }
}

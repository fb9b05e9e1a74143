package dev.capi.persistence.quotas;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Metadata;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.model.SpaceQuota;
import dev.capi.model.QuotaLimits;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
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

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiSpaceQuotaRepositoryTest {
    private static final QuotaLimits SMALL = new QuotaLimits(512, 256, 4, 2, 1000, false, 3, 2, 10, 1,
            QuotaLimits.UNLIMITED);
    private static final Set<RoleType> SPACE_READERS = Set.of(SPACE_DEVELOPER, SPACE_MANAGER, SPACE_AUDITOR,
            SPACE_SUPPORTER);
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiSpaceQuotaRepository quotas;
    private JdbiSpaceRepository spaces;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        quotas = new JdbiSpaceQuotaRepository(jdbi);
        spaces = new JdbiSpaceRepository(jdbi, new JdbiMetadataRepository(jdbi));
        roles = new JdbiRoleRepository(jdbi);
        space("s1", "o1");
        space("s2", "o1");
        space("s3", "o2");
        quotas.insert(quota("sq1", "small", "o1", SMALL, t0));
        quotas.insert(quota("sq2", "other", "o1", QuotaLimits.unlimited(), t0.plusSeconds(10)));
        quotas.insert(quota("sq3", "small", "o2", QuotaLimits.unlimited(), t0.plusSeconds(20)));
        quotas.applyTo("sq1", List.of("s1", "s2"), t0.plusSeconds(30));
        quotas.applyTo("sq3", List.of("s3"), t0.plusSeconds(30));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void space(String guid, String org) {
        spaces.insert(new Space(guid, t0, t0, "space-" + guid, org, false, true, null, null, Metadata.empty()));
    }

    private static SpaceQuota quota(String guid, String name, String org, QuotaLimits limits, Instant at) {
        return new SpaceQuota(guid, at, at, name, org, limits, List.of());
    }

    private void role(String user, RoleType type, String org, String space) {
        roles.insert(new Role(user + type + org + space, t0, t0, type, user, org, space));
    }

    private static Visibility visibility(String user) {
        return Visibility.of(user, SPACE_READERS, Set.of(ORGANIZATION_MANAGER));
    }

    private static ListQuery query(Map<String, List<String>> filters, Visibility v) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, v);
    }

    private static List<String> guids(Page<SpaceQuota> page) {
        return page.resources().stream().map(SpaceQuota::guid).toList();
    }

    @Test
    void storesLimitsAndTheSpacesTheQuotaAppliesTo() {
        SpaceQuota q = quotas.find("sq1", Visibility.everything()).orElseThrow();
        assertThat(q.limits()).isEqualTo(SMALL);
        assertThat(q.organizationGuid()).isEqualTo("o1");
        assertThat(q.spaceGuids()).containsExactly("s1", "s2");
        assertThat(spaces.find("s1").orElseThrow().quotaGuid()).isEqualTo("sq1");
        assertThat(spaces.find("s1").orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(30));
        assertThat(quotas.spaceGuids("sq1")).containsExactly("s1", "s2");
        assertThat(quotas.inUse("sq1")).isTrue();
        assertThat(quotas.inUse("sq2")).isFalse();
    }

    @Test
    void filtersByNamesOrganizationsAndSpaces() {
        var all = Visibility.everything();
        assertThat(guids(quotas.list(query(Map.of("names", List.of("small")), all)))).containsExactly("sq1", "sq3");
        assertThat(guids(quotas.list(query(Map.of("organization_guids", List.of("o1")), all))))
                .containsExactly("sq1", "sq2");
        assertThat(guids(quotas.list(query(Map.of("space_guids", List.of("s2", "s3")), all))))
                .containsExactly("sq1", "sq3");
        assertThat(guids(quotas.list(query(Map.of("space_guids", List.of("nope")), all)))).isEmpty();
    }

    @Test
    void readersSeeQuotasOfTheirSpacesAndOrgManagersEveryQuotaOfTheirOrg() {
        role("dev", ORGANIZATION_USER, "o1", null);
        role("dev", SPACE_DEVELOPER, "o1", "s1");
        role("om", ORGANIZATION_MANAGER, "o1", null);
        role("oa", ORGANIZATION_AUDITOR, "o1", null);
        assertThat(quotas.list(query(Map.of(), visibility("dev"))).resources())
                .extracting(SpaceQuota::guid, SpaceQuota::spaceGuids).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sq1", List.of("s1")));
        assertThat(guids(quotas.list(query(Map.of(), visibility("om"))))).containsExactly("sq1", "sq2");
        assertThat(quotas.find("sq1", visibility("om")).orElseThrow().spaceGuids()).containsExactly("s1", "s2");
        assertThat(guids(quotas.list(query(Map.of(), visibility("oa"))))).isEmpty();
        assertThat(guids(quotas.list(query(Map.of(), Visibility.nothing())))).isEmpty();
        assertThat(quotas.find("sq1", Visibility.nothing()).orElseThrow().spaceGuids()).isEmpty();
    }

    @Test
    void namesAreUniquePerOrganization() {
        assertThat(quotas.nameTaken("o1", "small")).isTrue();
        assertThat(quotas.nameTaken("o3", "small")).isFalse();
        assertThatThrownBy(() -> quotas.insert(quota("sq9", "other", "o1", SMALL, t0)))
                .isInstanceOfSatisfying(CfException.class, e ->
                        assertThat(e.detail()).isEqualTo("Space Quota 'other' already exists."));
        assertThatThrownBy(() -> quotas.update(quota("sq2", "small", "o1", SMALL, t0)))
                .isInstanceOfSatisfying(CfException.class, e ->
                        assertThat(e.detail()).isEqualTo("Space Quota 'small' already exists."));
    }

    @Test
    void removesFromSpacesAndDeletesAnOrganizationsQuotas() {
        quotas.removeFrom("sq1", "s1", t0.plusSeconds(99));
        quotas.removeFrom("sq2", "s2", t0.plusSeconds(99));
        assertThat(quotas.spaceGuids("sq1")).containsExactly("s2");
        assertThat(spaces.find("s1").orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(99));
        quotas.update(new SpaceQuota("sq2", t0, t0.plusSeconds(5), "renamed", "o1", SMALL, List.of()));
        assertThat(quotas.find("sq2", Visibility.everything()).orElseThrow().name()).isEqualTo("renamed");
        quotas.deleteForOrganization("o1");
        assertThat(guids(quotas.list(query(Map.of(), Visibility.everything())))).containsExactly("sq3");
        quotas.delete("sq3");
        assertThat(quotas.find("sq3", Visibility.everything())).isEmpty();
    }
}

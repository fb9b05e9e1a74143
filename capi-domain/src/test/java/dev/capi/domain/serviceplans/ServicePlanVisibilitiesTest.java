package dev.capi.domain.serviceplans;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.InMemoryDomain;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;
import dev.capi.model.ServicePlanVisibilityType;
import dev.capi.model.Space;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan visibility changes and the marketplace rules, on the in-memory domain. */
class ServicePlanVisibilitiesTest {
    private InMemoryDomain domain;
    private ServicePlanVisibilities visibilities;
    private ServicePlans plans;

    @BeforeEach
    void setUp() {
        domain = new InMemoryDomain();
        visibilities = domain.services.serviceCatalog().visibilities();
        plans = domain.services.serviceCatalog().plans();
        Instant t0 = domain.clock.instant();
        domain.organizations.insert(new Organization("o1", t0, t0, "org", false, null, Metadata.empty()));
        domain.spaces.insert(new Space("s1", t0, t0, "dev", "o1", false, true, null, null, Metadata.empty()));
        domain.roles.org("member", RoleType.ORGANIZATION_USER, "o1");
        domain.roles.space("dev", RoleType.SPACE_DEVELOPER, "o1", "s1");
        var catalog = domain.serviceCatalog;
        catalog.brokers.insert(new ServiceBroker("b1", t0, t0, "b", "https://b", "u", "p", null,
                ServiceBrokerState.AVAILABLE, Metadata.empty()));
        catalog.brokers.insert(new ServiceBroker("b2", t0, t0, "mine", "https://m", "u", "p", "s1",
                ServiceBrokerState.AVAILABLE, Metadata.empty()));
        catalog.offerings.insert(offering("so1", "b1"));
        catalog.offerings.insert(offering("so2", "b2"));
        catalog.plans.insert(plan("p1", "so1"));
        catalog.plans.insert(plan("p2", "so2"));
    }

    private ServiceOffering offering(String guid, String broker) {
        Instant t0 = domain.clock.instant();
        return new ServiceOffering(guid, t0, t0, broker, null, null, guid, guid, "d", true, true, false, false,
                false, false, List.of(), List.of(), Map.of(), Metadata.empty());
    }

    private ServicePlan plan(String guid, String offering) {
        Instant t0 = domain.clock.instant();
        return new ServicePlan(guid, t0, t0, offering, null, null, null, null, guid, guid, "d", true, true, false,
                null, Map.of(), Map.of(), Map.of(), false, true, false, Metadata.empty());
    }

    private Permissions as(String user, String... scopes) {
        Set<String> all = new java.util.HashSet<>(Set.of(scopes));
        all.add(Principal.READ);
        all.add(Principal.WRITE);
        return new Permissions(new Principal(user, user, "uaa", "cf", all), domain.roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private List<String> visibleTo(Permissions perms) {
        return plans.list(perms, ListQuery.all()).resources().stream().map(ServicePlan::guid).toList();
    }

    @Test
    void organizationVisibilityRevealsThePlanToMembersOnly() {
        assertThat(visibleTo(as("member"))).isEmpty();
        var v = visibilities.update(admin(), "p1", new ServicePlanVisibilities.Change(
                ServicePlanVisibilityType.ORGANIZATION, List.of("o1")));
        assertThat(v.type()).isEqualTo(ServicePlanVisibilityType.ORGANIZATION);
        assertThat(v.organizations()).extracting(o -> o.guid()).containsExactly("o1");
        assertThat(visibleTo(as("member"))).containsExactly("p1");
        assertThat(visibleTo(as("stranger"))).isEmpty();
        visibilities.remove(admin(), "p1", "o1");
        assertThat(visibleTo(as("member"))).isEmpty();
    }

    @Test
    void publicPlansAreSeenByAnonymousCallersUnlessTheFlagHidesTheMarketplace() {
        assertThat(visibleTo(null)).isEmpty();
        visibilities.update(admin(), "p1", new ServicePlanVisibilities.Change(ServicePlanVisibilityType.PUBLIC,
                List.of()));
        assertThat(visibleTo(null)).containsExactly("p1");
        assertThat(plans.get(null, "p1").visibilityType()).isEqualTo(ServicePlanVisibilityType.PUBLIC);
        domain.services.foundation().featureFlags().update(admin(), "hide_marketplace_from_unauthenticated_users",
                () -> new dev.capi.domain.featureflags.FeatureFlagCommands.Update(true, false, null));
        assertThatThrownBy(() -> visibleTo(null)).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthenticated));
    }

    @Test
    void spaceScopedPlansAreSeenInTheirSpaceAndKeepTheirVisibility() {
        assertThat(visibleTo(as("dev"))).containsExactly("p2");
        assertThat(visibilities.get(as("dev"), "p2").space().name()).isEqualTo("dev");
        assertThatThrownBy(() -> visibilities.update(admin(), "p2", new ServicePlanVisibilities.Change(
                ServicePlanVisibilityType.PUBLIC, List.of())))
                .hasMessageContaining("cannot update plans with visibility type 'space'");
        assertThatThrownBy(() -> visibilities.update(as("dev"), "p1", new ServicePlanVisibilities.Change(
                ServicePlanVisibilityType.PUBLIC, List.of()))).hasMessageContaining("Service plan not found");
    }

    @Test
    void unknownOrganizationsChangeNothing() {
        assertThatThrownBy(() -> visibilities.update(admin(), "p1", new ServicePlanVisibilities.Change(
                ServicePlanVisibilityType.ORGANIZATION, List.of("o1", "nope"))))
                .isInstanceOfSatisfying(CfException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CfError.InvalidRelation);
                    assertThat(e.detail()).isEqualTo("Could not find Organization with guid: nope");
                });
        assertThat(domain.serviceCatalog.plans.organizations("p1")).isEmpty();
    }
}

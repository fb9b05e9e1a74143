package dev.capi.domain.domains;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.RoutingFixture;
import dev.capi.model.Domain;
import dev.capi.model.FeatureFlag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainsTest {
    private final RoutingFixture f = new RoutingFixture();

    private static DomainCommands.Create shared(String name) {
        return new DomainCommands.Create(name, false, null, null, List.of(), false, null, null);
    }

    private static DomainCommands.Create owned(String name, String org, String... sharedWith) {
        return new DomainCommands.Create(name, false, null, org, List.of(sharedWith), false, null, null);
    }

    private static String detail(Runnable r) {
        try {
            r.run();
        } catch (CfException e) {
            return e.kind() + ": " + e.detail();
        }
        return "no error";
    }

    @Test
    void onlyAdminsCreateSharedDomains() {
        assertThat(detail(() -> f.domains.create(f.as("mgr"), shared("x.example.com"))))
                .isEqualTo("NotAuthorized: You are not authorized to perform the requested action");
        Domain d = f.domains.create(f.admin(), shared("x.example.com"));
        assertThat(d.isShared()).isTrue();
        assertThat(d.protocol()).isEqualTo("http");
    }

    @Test
    void orgManagersCreatePrivateDomainsUnlessTheFlagIsOff() {
        assertThat(f.domains.create(f.as("mgr"), owned("mine.example.com", "org")).owningOrganizationGuid())
                .isEqualTo("org");
        assertThat(detail(() -> f.domains.create(f.as("dev"), owned("dev.example.com", "org"))))
                .startsWith("NotAuthorized");
        f.flagRows.save(new FeatureFlag("private_domain_creation", false, null, f.clock.instant()));
        assertThat(detail(() -> f.domains.create(f.as("mgr"), owned("off.example.com", "org"))))
                .isEqualTo("FeatureDisabled: Feature Disabled: private_domain_creation");
        assertThat(f.domains.create(f.admin(), owned("admin.example.com", "org")).isPrivate()).isTrue();
    }

    @Test
    void unknownOrganizationsAre422() {
        assertThat(detail(() -> f.domains.create(f.admin(), owned("x.example.com", "nope")))).isEqualTo(
                "UnprocessableEntity: Organization with guid 'nope' does not exist or you do not have access to it.");
    }

    @Test
    void namesAreUniqueAndMayNotNestUnderAnotherOrgsDomain() {
        f.domains.create(f.admin(), owned("theirs.example.com", "other"));
        assertThat(detail(() -> f.domains.create(f.admin(), shared("theirs.example.com"))))
                .isEqualTo("UnprocessableEntity: The domain name \"theirs.example.com\" is already in use");
        assertThat(detail(() -> f.domains.create(f.admin(), owned("a.theirs.example.com", "org"))))
                .isEqualTo("UnprocessableEntity: The domain name \"a.theirs.example.com\" cannot be created because "
                        + "\"theirs.example.com\" is already reserved by another domain");
        assertThat(f.domains.create(f.admin(), owned("b.theirs.example.com", "other")).name())
                .isEqualTo("b.theirs.example.com");
        assertThat(detail(() -> f.domains.create(f.admin(), owned("example.com", "org"))))
                .contains("cannot be created because \"theirs.example.com\" is already reserved by another domain");
    }

    @Test
    void aDomainMayNotSwallowAnExistingRoute() {
        Domain apps = f.domains.create(f.admin(), shared("apps.example.com"));
        f.routeCreate.create(f.admin(), () -> new dev.capi.domain.routes.RouteCommands.Create("shop", null, null,
                false, "space", apps.guid(), null, null, java.util.Map.of()));
        assertThat(detail(() -> f.domains.create(f.admin(), shared("shop.apps.example.com")))).isEqualTo(
                "UnprocessableEntity: The domain name \"shop.apps.example.com\" cannot be created because "
                        + "\"shop.apps.example.com\" is already reserved by a route");
    }

    @Test
    void tcpDomainsNeedAKnownRouterGroup() {
        var cmd = new DomainCommands.Create("tcp.example.com", false, RouterGroups.DEFAULT_TCP_GUID, null, List.of(),
                false, null, null);
        assertThat(f.domains.create(f.admin(), cmd).isTcp()).isTrue();
        var unknown = new DomainCommands.Create("tcp2.example.com", false, "nope", null, List.of(), false, null,
                null);
        assertThat(detail(() -> f.domains.create(f.admin(), unknown)))
                .isEqualTo("UnprocessableEntity: Router group with guid 'nope' not found.");
    }

    @Test
    void sharingChecksTheTargetOrganizations() {
        Domain d = f.domains.create(f.admin(), owned("s.example.com", "org"));
        assertThat(detail(() -> f.domains.share(f.admin(), d.guid(), List.of("org"))))
                .isEqualTo("UnprocessableEntity: Domain cannot be shared with owning organization.");
        assertThat(detail(() -> f.domains.share(f.as("mgr"), d.guid(), List.of("other")))).isEqualTo(
                "UnprocessableEntity: Organization with guid 'other' either does not exist, or you do not have "
                        + "access to it.");
        assertThat(f.domains.share(f.admin(), d.guid(), List.of("other"))).containsExactly("other");
        assertThat(detail(() -> f.domains.delete(f.admin(), d.guid()))).isEqualTo(
                "UnprocessableEntity: This domain is shared with other organizations. Unshare before deleting.");
        f.domains.unshare(f.admin(), d.guid(), "other");
        assertThat(f.domainRows.find(d.guid()).orElseThrow().sharedOrganizationGuids()).isEmpty();
        Domain shared = f.domains.create(f.admin(), shared("pub.example.com"));
        assertThat(detail(() -> f.domains.share(f.admin(), shared.guid(), List.of("other")))).isEqualTo(
                "UnprocessableEntity: Domains cannot be shared with other organizations unless they are scoped to "
                        + "an organization.");
    }

    @Test
    void privateDomainsAreVisibleToOrgManagersAuditorsAndSpaceRolesOnly() {
        Domain d = f.domains.create(f.admin(), owned("v.example.com", "org"));
        assertThat(f.domains.get(f.as("aud"), d.guid()).guid()).isEqualTo(d.guid());
        assertThat(f.domains.get(f.as("dev"), d.guid()).guid()).isEqualTo(d.guid());
        assertThatThrownBy(() -> f.domains.get(f.as("stranger"), d.guid()))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound));
    }

    @Test
    void theSeededDomainIsTheDefaultAndSeedingIsIdempotent() {
        f.domains.seedSharedDomain("apps.localhost");
        f.domains.seedSharedDomain("apps.localhost");
        assertThat(f.domainRows.findByNames(List.of("apps.localhost"))).hasSize(1);
        assertThat(f.domains.defaultDomain(f.as("dev"), "org").name()).isEqualTo("apps.localhost");
    }
}

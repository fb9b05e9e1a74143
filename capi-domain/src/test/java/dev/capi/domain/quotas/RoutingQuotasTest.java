package dev.capi.domain.quotas;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.FixedUsage;
import dev.capi.domain.fakes.InMemoryOrganizationQuotas;
import dev.capi.domain.fakes.InMemoryOrganizations;
import dev.capi.domain.fakes.InMemorySpaceQuotas;
import dev.capi.domain.fakes.InMemorySpaces;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.OrganizationQuota;
import dev.capi.model.QuotaLimits;
import dev.capi.model.Space;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing's quotas: routes against the space's and organization's quotas, private domains against the org's. */
class RoutingQuotasTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryOrganizations orgs = new InMemoryOrganizations();
    private final InMemorySpaces spaces = new InMemorySpaces();
    private final FixedRoles roles = new FixedRoles();
    private final InMemoryOrganizationQuotas orgQuotas = new InMemoryOrganizationQuotas(orgs, roles);
    private final RoutingQuotas quotas = new RoutingQuotas(new QuotaGuard(),
            new QuotaScopes(orgs, spaces, orgQuotas, new InMemorySpaceQuotas(spaces, roles), new FixedUsage()));

    private Organization org(String guid, String quotaGuid) {
        var org = new Organization(guid, NOW, NOW, guid, false, quotaGuid, Metadata.empty());
        orgs.insert(org);
        return org;
    }

    private Space space(String guid, String orgGuid) {
        var space = new Space(guid, NOW, NOW, guid, orgGuid, false, true, null, null, Metadata.empty());
        spaces.insert(space);
        return space;
    }

    private void quota(String guid, long routes, long privateDomains) {
        long u = QuotaLimits.UNLIMITED;
        orgQuotas.insert(new OrganizationQuota(guid, NOW, NOW, guid, new QuotaLimits(u, u, u, u, u, true, u, u, routes,
                u, privateDomains), List.of()));
    }

    @Test
    void aRouteIsRefusedWhenItsOrganizationHasNoRoutesLeft() {
        quota("none", 0, 0);
        var full = org("full", "none");
        assertThatThrownBy(() -> quotas.checkCreate(full, space("s1", "full"), false))
                .isInstanceOf(CfException.class).hasMessageContaining("Routes quota exceeded for organization");
    }

    @Test
    void aPrivateDomainIsRefusedWhenTheOrganizationMayHaveNone() {
        quota("none", 0, 0);
        assertThatThrownBy(() -> quotas.accept(org("full", "none")))
                .isInstanceOf(CfException.class).hasMessageContaining("private domains");
    }

    @Test
    void withoutAQuotaRoutesAndDomainsAreAllowed() {
        var free = org("free", null);
        assertThatCode(() -> quotas.checkCreate(free, space("s2", "free"), true)).doesNotThrowAnyException();
        assertThatCode(() -> quotas.accept(free)).doesNotThrowAnyException();
    }
}

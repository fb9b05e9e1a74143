package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.quotas.OrganizationQuotaRepository;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.model.Organization;
import dev.capi.model.OrganizationQuota;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link OrganizationQuotaRepository} over {@link InMemoryOrganizations} (their quota guid is the relation);
 * {@code list} ignores filters and order but applies the query's visibility to the related organizations.
 */
public final class InMemoryOrganizationQuotas implements OrganizationQuotaRepository {
    private final Map<String, OrganizationQuota> rows = new LinkedHashMap<>();
    private final InMemoryOrganizations organizations;
    private final RoleRepository roles;

    public InMemoryOrganizationQuotas(InMemoryOrganizations organizations, RoleRepository roles) {
        this.organizations = organizations;
        this.roles = roles;
    }

    private List<Organization> allOrganizations() {
        return organizations.list(ListQuery.all()).resources();
    }

    public List<OrganizationQuota> all() {
        return List.copyOf(rows.values());
    }

    private OrganizationQuota withOrgs(OrganizationQuota q, Visibility v) {
        return q.withOrganizationGuids(allOrganizations().stream()
                .filter(o -> q.guid().equals(o.quotaGuid()))
                .filter(o -> VisibleByRoles.test(v, roles, null, o.guid()))
                .map(Organization::guid).toList());
    }

    @Override
    public Optional<OrganizationQuota> find(String guid, Visibility organizationsVisible) {
        return Optional.ofNullable(rows.get(guid)).map(q -> withOrgs(q, organizationsVisible));
    }

    @Override
    public Optional<OrganizationQuota> findByName(String name) {
        return rows.values().stream().filter(q -> q.name().equals(name)).findFirst();
    }

    @Override
    public Page<OrganizationQuota> list(ListQuery query) {
        return new Page<>(rows.values().stream().map(q -> withOrgs(q, query.visibility())).toList(), rows.size());
    }

    @Override
    public boolean nameTaken(String name) {
        return findByName(name).isPresent();
    }

    @Override
    public void insert(OrganizationQuota quota) {
        rows.put(quota.guid(), quota.withOrganizationGuids(List.of()));
    }

    @Override
    public void update(OrganizationQuota quota) {
        rows.put(quota.guid(), quota.withOrganizationGuids(List.of()));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }

    @Override
    public void applyTo(String quotaGuid, Collection<String> organizationGuids, Instant at) {
        organizations.findAll(organizationGuids).forEach(o -> organizations.update(new Organization(o.guid(),
                o.createdAt(), at, o.name(), o.suspended(), quotaGuid, o.metadata())));
    }

    @Override
    public List<String> organizationGuids(String quotaGuid) {
        return allOrganizations().stream().filter(o -> quotaGuid.equals(o.quotaGuid())).map(Organization::guid)
                .toList();
    }

    @Override
    public boolean inUse(String quotaGuid) {
        return !organizationGuids(quotaGuid).isEmpty();
    }
}

package dev.capi.domain.fakes;

import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Organizations in a map; lists ignore filters (domain tests check rules, persistence tests check SQL). */
public final class InMemoryOrganizations implements OrganizationRepository {
    private final Map<String, Organization> rows = new LinkedHashMap<>();

    @Override
    public Optional<Organization> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<Organization> findAll(Collection<String> guids) {
        return guids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Page<Organization> list(ListQuery query) {
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    @Override
    public boolean nameTaken(String name) {
        return rows.values().stream().anyMatch(o -> o.name().equalsIgnoreCase(name));
    }

    @Override
    public Optional<String> defaultQuotaGuid() {
        return Optional.empty();
    }

    @Override
    public void insert(Organization org) {
        rows.put(org.guid(), org);
    }

    @Override
    public void update(Organization org) {
        rows.put(org.guid(), org);
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}

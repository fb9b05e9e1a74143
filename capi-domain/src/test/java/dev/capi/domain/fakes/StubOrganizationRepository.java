package dev.capi.domain.fakes;

import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link OrganizationRepository} in a map for tests that need organizations to exist; lists are not filtered. */
public final class StubOrganizationRepository implements OrganizationRepository {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, Organization> orgs = new LinkedHashMap<>();

    /** Adds an organization (a test fixture). */
    public Organization add(String guid, String name, boolean suspended) {
        Organization org = new Organization(guid, T0.plusSeconds(orgs.size()), T0, name, suspended, null,
                Metadata.empty());
        orgs.put(guid, org);
        return org;
    }

    @Override
    public Optional<Organization> find(String guid) {
        return Optional.ofNullable(orgs.get(guid));
    }

    @Override
    public List<Organization> findAll(Collection<String> guids) {
        return orgs.values().stream().filter(o -> guids.contains(o.guid())).toList();
    }

    @Override
    public Page<Organization> list(ListQuery query) {
        return new Page<>(List.copyOf(orgs.values()), orgs.size());
    }

    @Override
    public boolean nameTaken(String name) {
        return orgs.values().stream().anyMatch(o -> o.name().equalsIgnoreCase(name));
    }

    @Override
    public Optional<String> defaultQuotaGuid() {
        return Optional.empty();
    }

    @Override
    public void insert(Organization org) {
        orgs.put(org.guid(), org);
    }

    @Override
    public void update(Organization org) {
        orgs.put(org.guid(), org);
    }

    @Override
    public void delete(String guid) {
        orgs.remove(guid);
    }
}

package dev.capi.domain.fakes;

import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link OrganizationRepository} in a map; {@code list} ignores the query. */
public final class InMemoryOrganizations implements OrganizationRepository {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, Organization> rows = new LinkedHashMap<>();
    private String defaultQuotaGuid;

    /** Adds an organization. */
    public InMemoryOrganizations add(String guid, String name, boolean suspended, String quotaGuid) {
        rows.put(guid, new Organization(guid, T0, T0, name, suspended, quotaGuid, Metadata.empty()));
        return this;
    }

    public void defaultQuotaGuid(String guid) {
        this.defaultQuotaGuid = guid;
    }

    public List<Organization> all() {
        return new ArrayList<>(rows.values());
    }

    @Override
    public Optional<Organization> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<Organization> findAll(Collection<String> guids) {
        return rows.values().stream().filter(o -> guids.contains(o.guid())).toList();
    }

    @Override
    public Page<Organization> list(ListQuery query) {
        return new Page<>(all(), rows.size());
    }

    @Override
    public boolean nameTaken(String name) {
        return rows.values().stream().anyMatch(o -> o.name().equalsIgnoreCase(name));
    }

    @Override
    public Optional<String> defaultQuotaGuid() {
        return Optional.ofNullable(defaultQuotaGuid);
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

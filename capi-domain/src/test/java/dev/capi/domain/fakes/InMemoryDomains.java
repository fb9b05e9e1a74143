package dev.capi.domain.fakes;

import dev.capi.domain.domains.DomainRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Domains in a map (shares kept on the records); lists ignore filters and visibility. */
public final class InMemoryDomains implements DomainRepository {
    private final Map<String, Domain> rows = new LinkedHashMap<>();

    @Override
    public Optional<Domain> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<Domain> findAll(Collection<String> guids) {
        return guids.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<Domain> findByNames(Collection<String> names) {
        return rows.values().stream().filter(d -> names.stream().anyMatch(n -> n.equalsIgnoreCase(d.name())))
                .toList();
    }

    @Override
    public Page<Domain> list(ListQuery query) {
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    @Override
    public Optional<Domain> subdomainOutside(String name, String owningOrganizationGuid) {
        return rows.values().stream().filter(d -> d.isShared()
                        || !d.owningOrganizationGuid().equals(owningOrganizationGuid))
                .filter(d -> d.name().toLowerCase().endsWith("." + name.toLowerCase())).findFirst();
    }

    @Override
    public Optional<Domain> defaultFor(String organizationGuid) {
        return rows.values().stream().filter(d -> d.isShared() && !d.internal() && d.routerGroupGuid() == null)
                .findFirst().or(() -> rows.values().stream().filter(d -> d.isPrivate()
                        && d.usableBy(organizationGuid)).findFirst());
    }

    @Override
    public List<String> ownedBy(String organizationGuid) {
        return rows.values().stream().filter(d -> organizationGuid.equals(d.owningOrganizationGuid()))
                .map(Domain::guid).toList();
    }

    @Override
    public void insert(Domain domain) {
        rows.put(domain.guid(), domain);
    }

    @Override
    public void touch(String guid, Instant updatedAt) {
        rows.computeIfPresent(guid, (g, d) -> d.withUpdatedAt(updatedAt));
    }

    @Override
    public void share(String domainGuid, String organizationGuid) {
        rows.computeIfPresent(domainGuid, (g, d) -> {
            List<String> orgs = new ArrayList<>(d.sharedOrganizationGuids());
            orgs.add(organizationGuid);
            return d.withSharedOrganizations(orgs);
        });
    }

    @Override
    public void unshare(String domainGuid, String organizationGuid) {
        rows.computeIfPresent(domainGuid, (g, d) -> d.withSharedOrganizations(d.sharedOrganizationGuids().stream()
                .filter(o -> !o.equals(organizationGuid)).toList()));
    }

    @Override
    public void unshareAll(String organizationGuid) {
        List.copyOf(rows.keySet()).forEach(g -> unshare(g, organizationGuid));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}

package dev.capi.persistence.domains;

import dev.capi.domain.domains.DomainRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Domain;
import dev.capi.model.Metadata;
import dev.capi.model.RoleType;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Domains in the {@code domains} table; the organizations private domains are shared with in {@code domain_shared_organizations}. */
public final class JdbiDomainRepository implements DomainRepository {
    private static final String COLUMNS = "d.guid, d.created_at, d.updated_at, d.name, d.internal, d.router_group_guid, "
            + "d.router_group_type, d.owning_organization_guid, d.enforce_route_policies, d.route_policies_scope";
    private static final RowMapper<Domain> MAPPER = (rs, ctx) -> new Domain(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getBoolean("internal"), rs.getString("router_group_guid"), rs.getString("router_group_type"),
            rs.getString("owning_organization_guid"), rs.getBoolean("enforce_route_policies"),
            rs.getString("route_policies_scope"), List.of(), Metadata.empty());
    private static final ListSql LIST = new ListSql("domains d", "d")
            .inFilter("names", "d.name")
            .inFilter("organization_guids", "d.owning_organization_guid")
            .condition("usable_in_organization", (values, binds) -> {
                String org = values.isEmpty() ? "" : values.get(0);
                if (org.isEmpty()) {
                    return "d.owning_organization_guid IS NULL";
                }
                String o = binds.add(org);
                return "(d.owning_organization_guid IS NULL OR d.owning_organization_guid = " + o
                        + " OR d.guid IN (SELECT uso.domain_guid FROM domain_shared_organizations uso"
                        + " WHERE uso.organization_guid = " + o + "))";
            })
            .visibleBy(JdbiDomainRepository::visibility);

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiDomainRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    /** Shared domains, and private ones owned by or shared with an org where the user holds one of the roles. */
    private static String visibility(Visibility v, ListSql.Binds binds) {
        Set<RoleType> types = new HashSet<>(v.spaceRoles());
        types.addAll(v.orgRoles());
        if (types.isEmpty()) {
            return "d.owning_organization_guid IS NULL";
        }
        String orgs = "SELECT vr.organization_guid FROM roles vr WHERE vr.user_guid = " + binds.add(v.userGuid())
                + " AND vr.type IN (" + binds.list(types.stream().map(RoleType::wireName).sorted().toList()) + ")";
        return "(d.owning_organization_guid IS NULL OR d.owning_organization_guid IN (" + orgs + ")"
                + " OR d.guid IN (SELECT vso.domain_guid FROM domain_shared_organizations vso"
                + " WHERE vso.organization_guid IN (" + orgs + ")))";
    }

    @Override
    public Optional<Domain> find(String guid) {
        return findAll(List.of(guid)).stream().findFirst();
    }

    @Override
    public List<Domain> findAll(Collection<String> guids) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return complete(jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM domains d WHERE d.guid IN (<guids>) ORDER BY d.id")
                .bindList("guids", List.copyOf(guids)).map(MAPPER).list()));
    }

    @Override
    public List<Domain> findAllPlain(Collection<String> guids) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM domains d WHERE d.guid IN (<guids>) ORDER BY d.id")
                .bindList("guids", List.copyOf(guids)).map(MAPPER).list());
    }

    @Override
    public List<Domain> findByNames(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return complete(jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM domains d WHERE d.name_key IN (<names>) ORDER BY d.id")
                .bindList("names", names.stream().map(String::toLowerCase).toList()).map(MAPPER).list()));
    }

    @Override
    public Page<Domain> list(ListQuery query) {
        Page<Domain> page = jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER));
        return new Page<>(complete(page.resources()), page.totalResults());
    }

    /** Attaches shared organizations (one query) and metadata (one query). */
    private List<Domain> complete(List<Domain> domains) {
        if (domains.isEmpty()) {
            return domains;
        }
        List<String> privateGuids = domains.stream().filter(Domain::isPrivate).map(Domain::guid).toList();
        Map<String, List<String>> shared = new HashMap<>();
        if (!privateGuids.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("SELECT domain_guid, organization_guid FROM domain_shared_organizations"
                            + " WHERE domain_guid IN (<guids>) ORDER BY id")
                    .bindList("guids", privateGuids)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> shared.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        }
        List<Domain> withShares = domains.stream()
                .map(d -> d.withSharedOrganizations(shared.getOrDefault(d.guid(), List.of()))).toList();
        return WithMetadata.attach(metadata, withShares, Domain::guid, Domain::withMetadata);
    }

    @Override
    public Optional<Domain> subdomainOutside(String name, String owningOrganizationGuid) {
        return complete(jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM domains d"
                        + " WHERE (d.owning_organization_guid IS NULL OR d.owning_organization_guid <> :o)"
                        + " AND LOWER(d.name) LIKE :pattern ESCAPE '!' ORDER BY d.id")
                .bind("o", owningOrganizationGuid)
                .bind("pattern", "%." + escapeLike(name.toLowerCase()))
                .map(MAPPER).list())).stream().findFirst();
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public Optional<Domain> defaultFor(String organizationGuid) {
        Optional<String> guid = jdbi.withHandle(h -> h.createQuery("SELECT d.guid FROM domains d"
                        + " WHERE d.owning_organization_guid IS NULL AND d.internal = FALSE"
                        + " AND d.router_group_guid IS NULL ORDER BY d.id LIMIT 1")
                .mapTo(String.class).findFirst());
        if (guid.isEmpty()) {
            guid = jdbi.withHandle(h -> h.createQuery("SELECT d.guid FROM domains d"
                            + " WHERE d.owning_organization_guid = :o OR d.guid IN (SELECT domain_guid FROM"
                            + " domain_shared_organizations WHERE organization_guid = :o) ORDER BY d.id LIMIT 1")
                    .bind("o", organizationGuid).mapTo(String.class).findFirst());
        }
        return guid.flatMap(this::find);
    }

    @Override
    public List<String> ownedBy(String organizationGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT guid FROM domains WHERE owning_organization_guid = :o ORDER BY id")
                .bind("o", organizationGuid).mapTo(String.class).list());
    }

    @Override
    public void insert(Domain d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO domains (guid, created_at, updated_at, name, internal, router_group_guid,
                               router_group_type, owning_organization_guid, enforce_route_policies, route_policies_scope)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :internal, :routerGroupGuid, :routerGroupType,
                               :owningOrganizationGuid, :enforceRoutePolicies, :routePoliciesScope)""")
                .bind("guid", d.guid()).bind("createdAt", d.createdAt()).bind("updatedAt", d.updatedAt())
                .bind("name", d.name()).bind("internal", d.internal()).bind("routerGroupGuid", d.routerGroupGuid())
                .bind("routerGroupType", d.routerGroupType())
                .bind("owningOrganizationGuid", d.owningOrganizationGuid())
                .bind("enforceRoutePolicies", d.enforceRoutePolicies())
                .bind("routePoliciesScope", d.routePoliciesScope()).execute());
    }

    @Override
    public void touch(String guid, Instant updatedAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE domains SET updated_at = :t WHERE guid = :g")
                .bind("t", updatedAt).bind("g", guid).execute());
    }

    @Override
    public void share(String domainGuid, String organizationGuid) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO domain_shared_organizations (domain_guid, organization_guid) VALUES (:d, :o)")
                .bind("d", domainGuid).bind("o", organizationGuid).execute());
    }

    @Override
    public void unshare(String domainGuid, String organizationGuid) {
        jdbi.useHandle(h -> h.createUpdate(
                        "DELETE FROM domain_shared_organizations WHERE domain_guid = :d AND organization_guid = :o")
                .bind("d", domainGuid).bind("o", organizationGuid).execute());
    }

    @Override
    public void unshareAll(String organizationGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM domain_shared_organizations WHERE organization_guid = ?",
                organizationGuid));
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM domain_shared_organizations WHERE domain_guid = ?", guid);
            h.execute("DELETE FROM domains WHERE guid = ?", guid);
        });
    }
}

package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.quotas.SpaceQuotaRepository;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.model.Space;
import dev.capi.model.SpaceQuota;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SpaceQuotaRepository} over {@link InMemorySpaces} (their quota guid is the relation); {@code list} ignores
 * filters and order but applies the query's visibility to the quotas and their spaces.
 */
public final class InMemorySpaceQuotas implements SpaceQuotaRepository {
    private final Map<String, SpaceQuota> rows = new LinkedHashMap<>();
    private final InMemorySpaces spaces;
    private final RoleRepository roles;

    public InMemorySpaceQuotas(InMemorySpaces spaces, RoleRepository roles) {
        this.spaces = spaces;
        this.roles = roles;
    }

    private List<Space> allSpaces() {
        return spaces.list(ListQuery.all()).resources();
    }

    public List<SpaceQuota> all() {
        return List.copyOf(rows.values());
    }

    private SpaceQuota withSpaces(SpaceQuota q, Visibility v) {
        return q.withSpaceGuids(allSpaces().stream().filter(s -> q.guid().equals(s.quotaGuid()))
                .filter(s -> VisibleByRoles.test(v, roles, s.guid(), s.organizationGuid()))
                .map(Space::guid).toList());
    }

    private boolean visible(SpaceQuota q, Visibility v) {
        Visibility orgPart = Visibility.of(v.userGuid(), java.util.Set.of(), v.orgRoles());
        Visibility spacePart = Visibility.of(v.userGuid(), v.spaceRoles(), java.util.Set.of());
        return v.all() || VisibleByRoles.test(orgPart, roles, null, q.organizationGuid())
                || allSpaces().stream().anyMatch(s -> q.guid().equals(s.quotaGuid())
                && VisibleByRoles.test(spacePart, roles, s.guid(), s.organizationGuid()));
    }

    @Override
    public Optional<SpaceQuota> find(String guid, Visibility spacesVisible) {
        return Optional.ofNullable(rows.get(guid)).map(q -> withSpaces(q, spacesVisible));
    }

    @Override
    public Page<SpaceQuota> list(ListQuery query) {
        List<SpaceQuota> visible = rows.values().stream().filter(q -> visible(q, query.visibility()))
                .map(q -> withSpaces(q, query.visibility())).toList();
        return new Page<>(visible, visible.size());
    }

    @Override
    public boolean nameTaken(String organizationGuid, String name) {
        return rows.values().stream().anyMatch(q -> q.organizationGuid().equals(organizationGuid)
                && q.name().equals(name));
    }

    @Override
    public void insert(SpaceQuota quota) {
        rows.put(quota.guid(), quota.withSpaceGuids(List.of()));
    }

    @Override
    public void update(SpaceQuota quota) {
        rows.put(quota.guid(), quota.withSpaceGuids(List.of()));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }

    @Override
    public void applyTo(String quotaGuid, Collection<String> spaceGuids, Instant at) {
        spaces.findAll(spaceGuids).forEach(s -> spaces.update(withQuota(s, quotaGuid, at)));
    }

    @Override
    public void removeFrom(String quotaGuid, String spaceGuid, Instant at) {
        spaces.find(spaceGuid).filter(s -> quotaGuid.equals(s.quotaGuid()))
                .ifPresent(s -> spaces.update(withQuota(s, null, at)));
    }

    private static Space withQuota(Space s, String quotaGuid, Instant at) {
        return new Space(s.guid(), s.createdAt(), at, s.name(), s.organizationGuid(), s.suspended(),
                s.allowSsh(), quotaGuid, s.isolationSegmentGuid(), s.metadata());
    }

    @Override
    public List<String> spaceGuids(String quotaGuid) {
        return allSpaces().stream().filter(s -> quotaGuid.equals(s.quotaGuid())).map(Space::guid).toList();
    }

    @Override
    public boolean inUse(String quotaGuid) {
        return !spaceGuids(quotaGuid).isEmpty();
    }

    @Override
    public void deleteForOrganization(String organizationGuid) {
        rows.values().removeIf(q -> q.organizationGuid().equals(organizationGuid));
    }
}

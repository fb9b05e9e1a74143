package dev.capi.domain.fakes;

import dev.capi.domain.isolationsegments.IsolationSegmentRepository;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.IsolationSegment;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Isolation segments and entitlements in maps; org defaults here, space segments read from the given spaces fake.
 * Lists ignore filters and visibility (persistence tests cover the SQL).
 */
public final class InMemoryIsolationSegments implements IsolationSegmentRepository {
    private final Map<String, IsolationSegment> rows = new LinkedHashMap<>();
    private final List<String[]> entitlements = new ArrayList<>();
    private final Map<String, String> defaults = new HashMap<>();
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;

    public InMemoryIsolationSegments(OrganizationRepository organizations, SpaceRepository spaces) {
        this.organizations = organizations;
        this.spaces = spaces;
    }

    @Override
    public Optional<IsolationSegment> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Page<IsolationSegment> list(ListQuery query) {
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    @Override
    public boolean nameTaken(String name, String exceptGuid) {
        return rows.values().stream().anyMatch(s -> s.name().equalsIgnoreCase(name) && !s.guid().equals(exceptGuid));
    }

    @Override
    public void insert(IsolationSegment segment) {
        rows.put(segment.guid(), segment);
    }

    @Override
    public void update(IsolationSegment segment) {
        rows.put(segment.guid(), segment);
    }

    @Override
    public void delete(String guid) {
        entitlements.removeIf(e -> e[0].equals(guid));
        rows.remove(guid);
    }

    @Override
    public List<String> organizationGuids(String segmentGuid) {
        return entitlements.stream().filter(e -> e[0].equals(segmentGuid)).map(e -> e[1]).toList();
    }

    @Override
    public boolean entitled(String segmentGuid, String organizationGuid) {
        return organizationGuids(segmentGuid).contains(organizationGuid);
    }

    @Override
    public void entitle(String segmentGuid, String organizationGuid) {
        if (!entitled(segmentGuid, organizationGuid) && organizations.find(organizationGuid).isPresent()) {
            entitlements.add(new String[]{segmentGuid, organizationGuid});
        }
    }

    @Override
    public void revoke(String segmentGuid, String organizationGuid) {
        entitlements.removeIf(e -> e[0].equals(segmentGuid) && e[1].equals(organizationGuid));
    }

    @Override
    public void revokeAll(String organizationGuid) {
        entitlements.removeIf(e -> e[1].equals(organizationGuid));
    }

    private List<Space> placed(String segmentGuid) {
        return spaces.list(ListQuery.all()).resources().stream()
                .filter(s -> segmentGuid.equals(s.isolationSegmentGuid())).toList();
    }

    @Override
    public List<String> spaceGuids(String segmentGuid) {
        return placed(segmentGuid).stream().map(Space::guid).toList();
    }

    @Override
    public List<String> spaceNames(String segmentGuid, String organizationGuid) {
        return placed(segmentGuid).stream().filter(s -> s.organizationGuid().equals(organizationGuid))
                .map(Space::name).toList();
    }

    @Override
    public Optional<String> organizationDefault(String organizationGuid) {
        return Optional.ofNullable(defaults.get(organizationGuid));
    }

    @Override
    public void setOrganizationDefault(String organizationGuid, String segmentGuid, Instant at) {
        if (segmentGuid == null) {
            defaults.remove(organizationGuid);
        } else {
            defaults.put(organizationGuid, segmentGuid);
        }
    }

    @Override
    public boolean inUseAsDefault(String segmentGuid) {
        return defaults.containsValue(segmentGuid) || !placed(segmentGuid).isEmpty();
    }
}

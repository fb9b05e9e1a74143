package dev.capi.domain.serviceinstances;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Service instances and shares in maps; lists honour space_guids and names only (the SQL is tested in persistence). */
final class InMemoryServiceInstances implements ServiceInstanceRepository {
    private final Map<String, ServiceInstance> rows = new LinkedHashMap<>();
    private final List<String[]> shares = new ArrayList<>();
    private final SpaceRepository spaces;

    InMemoryServiceInstances(SpaceRepository spaces) {
        this.spaces = spaces;
    }

    @Override
    public Optional<ServiceInstance> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Page<ServiceInstance> list(ListQuery query) {
        List<ServiceInstance> found = rows.values().stream()
                .filter(si -> query.filter("names") == null || query.filter("names").contains(si.name()))
                .filter(si -> query.filter("space_guids") == null || query.filter("space_guids").contains(si.spaceGuid()))
                .toList();
        return new Page<>(found, found.size());
    }

    @Override
    public boolean nameTaken(String spaceGuid, String name) {
        return findByName(spaceGuid, name).isPresent();
    }

    @Override
    public Optional<ServiceInstance> findByName(String spaceGuid, String name) {
        return rows.values().stream().filter(si -> si.spaceGuid().equals(spaceGuid) && si.name().equals(name))
                .findFirst();
    }

    @Override
    public boolean sharedNameTaken(String spaceGuid, String name) {
        return shares.stream().anyMatch(s -> s[1].equals(spaceGuid) && rows.containsKey(s[0])
                && rows.get(s[0]).name().equals(name));
    }

    @Override
    public void deleteBindings(String instanceGuid) {
        // bindings live in the bindings area's fakes; nothing is kept here
    }

    @Override
    public Map<String, Long> boundAppCountsInSharedSpaces(String instanceGuid) {
        return Map.of();
    }

    @Override
    public void insert(ServiceInstance instance) {
        if (nameTaken(instance.spaceGuid(), instance.name())) {
            throw new NameTaken(null);
        }
        rows.put(instance.guid(), instance);
    }

    @Override
    public void update(ServiceInstance instance) {
        rows.put(instance.guid(), instance);
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
        shares.removeIf(s -> s[0].equals(guid));
    }

    @Override
    public List<Space> sharedSpaces(String instanceGuid) {
        return shares.stream().filter(s -> s[0].equals(instanceGuid)).map(s -> spaces.find(s[1]).orElse(null))
                .filter(Objects::nonNull).toList();
    }

    @Override
    public void share(String instanceGuid, Collection<String> spaceGuids) {
        for (String space : spaceGuids) {
            if (shares.stream().noneMatch(s -> s[0].equals(instanceGuid) && s[1].equals(space))) {
                shares.add(new String[] {instanceGuid, space});
            }
        }
    }

    @Override
    public void unshare(String instanceGuid, String spaceGuid) {
        shares.removeIf(s -> s[0].equals(instanceGuid) && s[1].equals(spaceGuid));
    }

    @Override
    public List<ServiceInstance> claimDue(Instant now, int limit) {
        return rows.values().stream().filter(si -> si.polling().nextPollAt() != null
                        && !si.polling().nextPollAt().isAfter(now))
                .sorted(Comparator.comparing(si -> si.polling().nextPollAt())).limit(limit).toList();
    }

    @Override
    public List<String> inSpace(String spaceGuid) {
        return rows.values().stream().filter(si -> si.spaceGuid().equals(spaceGuid)).map(ServiceInstance::guid)
                .toList();
    }

    @Override
    public void unshareFromSpace(String spaceGuid) {
        shares.removeIf(s -> s[1].equals(spaceGuid));
    }

    @Override
    public List<ServiceUsageEvent> snapshots() {
        return List.of();
    }
}

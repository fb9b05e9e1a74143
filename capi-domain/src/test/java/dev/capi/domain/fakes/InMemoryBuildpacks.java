package dev.capi.domain.fakes;

import dev.capi.domain.buildpacks.BuildpackRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Buildpack;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Buildpacks in a map; positions are kept as given (the position rules are tested on their own). */
public final class InMemoryBuildpacks implements BuildpackRepository {
    private final InMemoryRows<Buildpack> rows = new InMemoryRows<>(Buildpack::guid, Map.of(
            "names", Buildpack::name, "stacks", Buildpack::stack, "lifecycle", Buildpack::lifecycle));
    private final Map<String, PendingUpload> pending = new ConcurrentHashMap<>();

    @Override
    public Optional<Buildpack> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<Buildpack> list(ListQuery query) {
        return rows.list(query);
    }

    @Override
    public boolean taken(String name, String stack, String lifecycle, String exceptGuid) {
        return rows.all().stream().anyMatch(b -> b.name().equals(name) && Objects.equals(b.stack(), stack)
                && Objects.equals(b.lifecycle(), lifecycle) && !b.guid().equals(exceptGuid));
    }

    @Override
    public int lastPosition(String lifecycle) {
        return rows.all().stream().filter(b -> Objects.equals(b.lifecycle(), lifecycle))
                .mapToInt(Buildpack::position).max().orElse(0);
    }

    @Override
    public void shiftPositions(String lifecycle, int from, int to, int delta) {
        throw new UnsupportedOperationException("positions are not part of these tests");
    }

    @Override
    public void insert(Buildpack buildpack) {
        rows.put(buildpack);
    }

    @Override
    public void update(Buildpack buildpack) {
        rows.put(buildpack);
    }

    @Override
    public void delete(String guid) {
        rows.delete(guid);
    }

    @Override
    public void savePendingUpload(String guid, PendingUpload upload) {
        pending.put(guid, upload);
    }

    @Override
    public Optional<PendingUpload> takePendingUpload(String guid) {
        return Optional.ofNullable(pending.remove(guid));
    }

    @Override
    public void lockPositions() {
    }
}

package dev.capi.domain.fakes;

import dev.capi.domain.featureflags.FeatureFlagRepository;
import dev.capi.model.FeatureFlag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link FeatureFlagRepository} in a map, counting saves. */
public final class InMemoryFeatureFlags implements FeatureFlagRepository {
    private final Map<String, FeatureFlag> rows = new TreeMap<>();
    private int saves;

    @Override
    public List<FeatureFlag> overrides() {
        return new ArrayList<>(rows.values());
    }

    @Override
    public Optional<FeatureFlag> override(String name) {
        return Optional.ofNullable(rows.get(name));
    }

    @Override
    public void save(FeatureFlag flag) {
        rows.put(flag.name(), flag);
        saves++;
    }

    public int saves() {
        return saves;
    }
}

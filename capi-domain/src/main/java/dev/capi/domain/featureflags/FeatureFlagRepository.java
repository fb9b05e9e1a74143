package dev.capi.domain.featureflags;

import dev.capi.model.FeatureFlag;

import java.util.List;
import java.util.Optional;

/** Port: stored overrides of feature flags (flags without a row have their default). */
public interface FeatureFlagRepository {
    List<FeatureFlag> overrides();

    Optional<FeatureFlag> override(String name);

    void save(FeatureFlag flag);
}

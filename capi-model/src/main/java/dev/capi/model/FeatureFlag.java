package dev.capi.model;

import java.time.Instant;

/** A feature flag's effective value; updatedAt is null while the flag has its default. */
public record FeatureFlag(String name, boolean enabled, String customErrorMessage, Instant updatedAt) {
}

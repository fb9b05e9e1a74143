package dev.capi.domain.featureflags;

/** The commands the feature flag use cases accept (already validated by the REST messages). */
public final class FeatureFlagCommands {
    private FeatureFlagCommands() {
    }

    /**
     * Update: {@code enabled} null keeps the value; {@code customErrorMessage} applies only when
     * {@code customErrorMessageGiven} (null then clears it).
     */
    public record Update(Boolean enabled, boolean customErrorMessageGiven, String customErrorMessage) {
    }
}

package dev.capi.domain.isolationsegments;

import dev.capi.model.MetadataUpdate;

/** The commands the isolation segment use cases accept (validated by the REST messages). */
public final class IsolationSegmentCommands {
    private IsolationSegmentCommands() {
    }

    /** Create: a name and optional metadata. */
    public record Create(String name, MetadataUpdate metadata) {
    }

    /** Update: {@code nameGiven} tells an absent name (unchanged) from a null one (refused, as the reference). */
    public record Update(boolean nameGiven, String name, MetadataUpdate metadata) {
    }

    /**
     * A to-one relationship change ({@code {"data": {"guid": g}}}, {@code {"data": null}} or no {@code data} at all):
     * {@code dataGiven} is whether {@code data} was sent, {@code guid} the segment (null to clear).
     */
    public record Assign(boolean dataGiven, String guid) {
    }
}

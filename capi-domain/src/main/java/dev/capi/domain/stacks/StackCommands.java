package dev.capi.domain.stacks;

import dev.capi.model.MetadataUpdate;
import dev.capi.model.StackState;

/** The commands the stack use cases accept (validated by the REST messages). */
public final class StackCommands {
    private StackCommands() {
    }

    /** Create: name required; state defaults to ACTIVE. */
    public record Create(String name, String description, String buildRootfsImage, String runRootfsImage,
                         StackState state, String stateReason, MetadataUpdate metadata) {
    }

    /** Update: metadata, state and its reason (null = unchanged). */
    public record Update(StackState state, String stateReason, boolean stateReasonGiven, MetadataUpdate metadata) {
    }
}

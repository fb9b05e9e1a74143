package dev.capi.rest.v3.stacks;

import dev.capi.domain.stacks.StackCommands;
import dev.capi.model.StackState;
import dev.capi.rest.v3.support.Body;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses and validates stack bodies. */
final class StackMessages {
    private static final String STATES = Arrays.stream(StackState.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private StackMessages() {
    }

    static StackCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "description", "build_rootfs_image", "run_rootfs_image", "state",
                "state_reason", "metadata");
        String name = body.string("name", true, 250);
        String description = body.string("description", false, 250);
        String build = body.string("build_rootfs_image", false, 250);
        String run = body.string("run_rootfs_image", false, 250);
        StackState state = state(body);
        String reason = body.string("state_reason", false, 5000);
        var metadata = body.metadata();
        body.validate();
        return new StackCommands.Create(name, description, build, run, state, reason, metadata);
    }

    static StackCommands.Update update(String raw) {
        Body body = Body.parse(raw, "state", "state_reason", "metadata");
        StackState state = state(body);
        String reason = body.string("state_reason", false, 5000);
        var metadata = body.metadata();
        body.validate();
        return new StackCommands.Update(state, reason, body.has("state_reason"), metadata);
    }

    private static StackState state(Body body) {
        String value = body.string("state", false, 32);
        if (value == null) {
            return null;
        }
        try {
            return StackState.valueOf(value);
        } catch (IllegalArgumentException e) {
            body.error("State must be one of " + STATES);
            return null;
        }
    }
}

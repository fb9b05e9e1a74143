package dev.capi.rest.v3.spaces;

import dev.capi.domain.spaces.SpaceCommands;
import dev.capi.rest.v3.support.Body;

/** Parses and validates space bodies into domain commands. */
final class SpaceMessages {
    private SpaceMessages() {
    }

    static SpaceCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "relationships", "metadata");
        String name = body.string("name", true, 255);
        String org = body.relationshipGuid("organization", true);
        var metadata = body.metadata();
        body.validate();
        return new SpaceCommands.Create(name, org, metadata);
    }

    static SpaceCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "suspended", "metadata");
        String name = body.has("name") ? body.string("name", true, 255) : null;
        Boolean suspended = body.bool("suspended");
        var metadata = body.metadata();
        body.validate();
        return new SpaceCommands.Update(name, suspended, metadata);
    }

    static boolean feature(String raw) {
        Body body = Body.parse(raw, "enabled");
        Boolean enabled = body.bool("enabled");
        if (enabled == null) {
            body.error("Enabled must be a boolean");
        }
        body.validate();
        return enabled;
    }
}

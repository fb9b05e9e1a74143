package dev.capi.rest.v3.registrycredentials;

import dev.capi.domain.registrycredentials.RegistryCredentialCommands;
import dev.capi.rest.v3.support.Body;

/** Parses and validates registry credential bodies. */
final class RegistryCredentialMessages {
    private RegistryCredentialMessages() {
    }

    static RegistryCredentialCommands.Create create(String raw) {
        Body body = Body.parse(raw, "location", "username", "password", "relationships", "metadata");
        String location = body.string("location", true, 255);
        String username = body.string("username", true, 255);
        String password = body.string("password", true, 4096);
        var relationships = body.object("relationships");
        String org = null;
        String space = null;
        if (relationships != null) {
            boolean hasOrg = relationships.has("organization");
            boolean hasSpace = relationships.has("space");
            if (hasOrg == hasSpace) {
                body.error("Relationships must include exactly one of 'organization' or 'space'");
            } else if (hasSpace) {
                space = body.relationshipGuid("space", true);
            } else {
                org = body.relationshipGuid("organization", true);
            }
        } else {
            body.error("Relationships must include exactly one of 'organization' or 'space'");
        }
        var metadata = body.metadata();
        body.validate();
        return new RegistryCredentialCommands.Create(location, username, password, org, space, metadata);
    }

    static RegistryCredentialCommands.Update update(String raw) {
        Body body = Body.parse(raw, "username", "password", "metadata");
        String username = body.has("username") ? body.string("username", true, 255) : null;
        String password = body.has("password") ? body.string("password", true, 4096) : null;
        var metadata = body.metadata();
        body.validate();
        return new RegistryCredentialCommands.Update(username, password, metadata);
    }
}

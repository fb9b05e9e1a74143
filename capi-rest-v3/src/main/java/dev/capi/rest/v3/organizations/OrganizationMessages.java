package dev.capi.rest.v3.organizations;

import dev.capi.domain.organizations.OrganizationCommands;
import dev.capi.rest.v3.support.Body;

/** Parses and validates organization create/update bodies into domain commands. */
final class OrganizationMessages {
    private OrganizationMessages() {
    }

    static OrganizationCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "suspended", "metadata");
        String name = body.string("name", true, 255);
        Boolean suspended = body.bool("suspended");
        var metadata = body.metadata();
        body.validate();
        return new OrganizationCommands.Create(name, suspended, metadata);
    }

    static OrganizationCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "suspended", "metadata");
        String name = body.has("name") ? body.string("name", true, 255) : null;
        Boolean suspended = body.bool("suspended");
        var metadata = body.metadata();
        body.validate();
        return new OrganizationCommands.Update(name, suspended, metadata);
    }
}

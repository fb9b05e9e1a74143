package dev.capi.rest.v3.revisions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Revision;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Revision JSON as the reference presents it, and a revision's environment variables document. */
final class RevisionPresenter {
    private RevisionPresenter() {
    }

    static ObjectNode present(Revision r, Links links) {
        ObjectNode node = JsonSupport.resource(r.guid(), r.createdAt(), r.updatedAt());
        node.put("version", r.version());
        node.putObject("droplet").put("guid", r.dropletGuid());
        ObjectNode processes = node.putObject("processes");
        r.processCommands().forEach((type, command) -> processes.putObject(type).put("command", command));
        node.putArray("sidecars");
        node.put("description", r.description());
        node.put("deployable", r.deployable());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", r.appGuid());
        node.set("metadata", MetadataPresenter.present(r.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/revisions/" + r.guid()));
        l.set("app", links.href("/v3/apps/" + r.appGuid()));
        l.set("environment_variables", links.href("/v3/revisions/" + r.guid() + "/environment_variables"));
        return node;
    }

    /** {@code {"var": {...}, "links": {self, revision, app}}}. */
    static ObjectNode environmentVariables(Revision r, Links links) {
        ObjectNode node = JsonSupport.object();
        node.set("var", JsonSupport.MAPPER.valueToTree(r.environmentVariables()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/revisions/" + r.guid() + "/environment_variables"));
        l.set("revision", links.href("/v3/revisions/" + r.guid()));
        l.set("app", links.href("/v3/apps/" + r.appGuid()));
        return node;
    }
}

package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The reference's relationship documents: to-one {@code {"data": {"guid"}|null, "links": {self, related?}}} and
 * to-many {@code {"data": [{"guid"}...], "links": {self, related?}}}.
 */
public final class RelationshipDocuments {
    private RelationshipDocuments() {
    }

    /**
     * To-one: {@code resourcePath} like {@code organizations/<guid>}; {@code related} is linked as
     * {@code /v3/<relatedCollection>/<guid>} when present.
     */
    public static ObjectNode toOne(Links links, String resourcePath, String relationship, String relatedCollection,
                                   String relatedGuid) {
        ObjectNode node = JsonSupport.object();
        if (relatedGuid == null) {
            node.putNull("data");
        } else {
            node.putObject("data").put("guid", relatedGuid);
        }
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/" + resourcePath + "/relationships/" + relationship));
        if (relatedGuid != null) {
            l.set("related", links.href("/v3/" + relatedCollection + "/" + relatedGuid));
        }
        return node;
    }

    /** To-many: {@code related} adds {@code /v3/<resourcePath>/<relationship>} as the related link. */
    public static ObjectNode toMany(Links links, String resourcePath, String relationship, List<String> guids,
                                    boolean related) {
        ObjectNode node = JsonSupport.object();
        var data = node.putArray("data");
        guids.forEach(g -> data.addObject().put("guid", g));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/" + resourcePath + "/relationships/" + relationship));
        if (related) {
            l.set("related", links.href("/v3/" + resourcePath + "/" + relationship));
        }
        return node;
    }
}

package dev.capi.rest.v3.isolationsegments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.IsolationSegment;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Isolation segment JSON, as the reference presents it. */
public final class IsolationSegmentPresenter {
    private IsolationSegmentPresenter() {
    }

    public static ObjectNode present(IsolationSegment segment, Links links) {
        ObjectNode node = JsonSupport.resource(segment.guid(), segment.createdAt(), segment.updatedAt());
        node.put("name", segment.name());
        node.set("metadata", MetadataPresenter.present(segment.metadata()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/isolation_segments/" + segment.guid();
        l.set("self", links.href(self));
        l.set("organizations", links.href(self + "/organizations"));
        return node;
    }
}

package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Metadata;

/** {@code "metadata": {"labels": {...}, "annotations": {...}}}. */
public final class MetadataPresenter {
    private MetadataPresenter() {
    }

    public static ObjectNode present(Metadata metadata) {
        ObjectNode node = JsonSupport.object();
        ObjectNode labels = node.putObject("labels");
        metadata.labels().forEach(labels::put);
        ObjectNode annotations = node.putObject("annotations");
        metadata.annotations().forEach(annotations::put);
        return node;
    }

    /** {@code {"data": {"guid": guid}}} or {@code {"data": null}}. */
    public static ObjectNode relationship(String guid) {
        ObjectNode node = JsonSupport.object();
        if (guid == null) {
            node.putNull("data");
        } else {
            node.putObject("data").put("guid", guid);
        }
        return node;
    }
}

package dev.capi.rest.v3.featureflags;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.FeatureFlag;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;

/** Feature flag JSON, as the reference presents it ({@code updated_at} null while the flag has its default). */
public final class FeatureFlagPresenter {
    private FeatureFlagPresenter() {
    }

    public static ObjectNode present(FeatureFlag flag, Links links) {
        ObjectNode node = JsonSupport.object();
        node.put("name", flag.name());
        node.put("enabled", flag.enabled());
        node.put("updated_at", JsonSupport.timestamp(flag.updatedAt()));
        node.put("custom_error_message", flag.customErrorMessage());
        node.putObject("links").set("self", links.href("/v3/feature_flags/" + flag.name()));
        return node;
    }
}

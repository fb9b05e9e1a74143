package dev.capi.rest.v3.stacks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Stack;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Stack JSON, as the reference presents it. */
public final class StackPresenter {
    private StackPresenter() {
    }

    public static ObjectNode present(Stack stack, Links links) {
        ObjectNode node = JsonSupport.resource(stack.guid(), stack.createdAt(), stack.updatedAt());
        node.put("name", stack.name());
        node.put("description", stack.description());
        node.put("build_rootfs_image", stack.buildRootfsImage() != null ? stack.buildRootfsImage() : stack.name());
        node.put("run_rootfs_image", stack.runRootfsImage() != null ? stack.runRootfsImage() : stack.name());
        node.put("default", stack.isDefault());
        node.put("state", stack.state().name());
        node.put("state_reason", stack.stateReason());
        node.set("metadata", MetadataPresenter.present(stack.metadata()));
        node.putObject("links").set("self", links.href("/v3/stacks/" + stack.guid()));
        return node;
    }
}

package dev.capi.rest.v3.servicebindings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.BindingOperation;
import dev.capi.rest.v3.support.JsonSupport;

/** The {@code last_operation} object both binding kinds present. */
final class BindingPresentation {
    private BindingPresentation() {
    }

    static ObjectNode lastOperation(BindingOperation op) {
        ObjectNode node = JsonSupport.object();
        node.put("type", op.type());
        node.put("state", op.state());
        node.put("description", op.description());
        node.put("created_at", JsonSupport.timestamp(op.createdAt()));
        node.put("updated_at", JsonSupport.timestamp(op.updatedAt()));
        return node;
    }
}

package dev.capi.rest.v3.sidecars;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Sidecar;
import dev.capi.rest.v3.support.JsonSupport;

/** Sidecar JSON as the reference presents it (process types sorted; no links). */
final class SidecarPresenter {
    private SidecarPresenter() {
    }

    static ObjectNode present(Sidecar s) {
        ObjectNode node = JsonSupport.resource(s.guid(), s.createdAt(), s.updatedAt());
        node.put("name", s.name());
        node.put("command", s.command());
        var types = node.putArray("process_types");
        s.processTypes().stream().sorted().forEach(types::add);
        if (s.memoryInMb() == null) {
            node.putNull("memory_in_mb");
        } else {
            node.put("memory_in_mb", s.memoryInMb());
        }
        node.put("origin", s.origin());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", s.appGuid());
        return node;
    }
}

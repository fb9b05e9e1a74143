package dev.capi.rest.v3.sidecars;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.sidecars.SidecarFilter;
import dev.capi.domain.sidecars.Sidecars;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.List;

/** Parses and validates sidecar requests (list parameters and bodies) with the reference's texts. */
final class SidecarMessages {
    /** The app's and the process's sidecar lists. */
    static final ListSpec LIST = ListSpec.of(SidecarFilter.LIST);

    private SidecarMessages() {
    }

    /** {@code POST /v3/apps/:guid/sidecars}: name, command and process types required; memory optional. */
    static Sidecars.Command create(String raw) {
        return command(raw, true);
    }

    /** {@code PATCH /v3/sidecars/:guid}: the same fields, each optional. */
    static Sidecars.Command update(String raw) {
        return command(raw, false);
    }

    private static Sidecars.Command command(String raw, boolean create) {
        Body body = Body.parse(raw, "name", "command", "process_types", "memory_in_mb");
        String name = body.string("name", create, 255);
        String command = body.string("command", create, 4096);
        List<String> types = null;
        JsonNode list = body.json().get("process_types");
        if (list != null || create) {
            if (list == null || !list.isArray()) {
                body.error("Process types must be an array");
            } else if (list.isEmpty()) {
                body.error("Process types must have at least 1 process_type");
            } else {
                types = new ArrayList<>();
                for (JsonNode t : list) {
                    types.add(t.asText());
                }
            }
        }
        Long memory = null;
        JsonNode m = body.json().get("memory_in_mb");
        if (m != null && !m.isNull()) {
            if (!m.isIntegralNumber() || m.asLong() < 1) {
                body.error("Memory in mb must be greater than 0");
            } else {
                memory = m.asLong();
            }
        }
        body.validate();
        return new Sidecars.Command(name, command, types, memory);
    }
}

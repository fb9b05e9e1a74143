package dev.capi.rest.v3.tasks;

import dev.capi.domain.tasks.TaskFilter;
import dev.capi.domain.tasks.Tasks;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

/** Parses and validates task requests (list parameters and bodies) with the reference's texts. */
final class TaskMessages {
    /** {@code GET /v3/tasks}. */
    static final ListSpec LIST = ListSpec.of(TaskFilter.LIST).labelSelector();
    /** {@code GET /v3/apps/:guid/tasks}. */
    static final ListSpec APP_LIST = ListSpec.of(TaskFilter.APP_LIST).labelSelector();

    private TaskMessages() {
    }

    /**
     * {@code POST /v3/apps/:guid/tasks}: {@code name}, {@code command} (or {@code template.process.guid}), the
     * resources, {@code droplet_guid} and {@code metadata}; the command's own rules are the domain command's.
     */
    static Tasks.Create create(String raw) {
        Body body = Body.parse(raw, "name", "command", "memory_in_mb", "disk_in_mb",
                "log_rate_limit_in_bytes_per_second", "droplet_guid", "template", "metadata");
        String name = body.string("name", false, 255);
        String command = body.string("command", false, 4096);
        Long memory = body.positiveLong("memory_in_mb");
        Long disk = body.positiveLong("disk_in_mb");
        Long logRate = body.has("log_rate_limit_in_bytes_per_second")
                && body.json().get("log_rate_limit_in_bytes_per_second").canConvertToLong()
                ? body.json().get("log_rate_limit_in_bytes_per_second").asLong() : null;
        String droplet = body.string("droplet_guid", false, 36);
        var template = body.object("template");
        String templateProcess = template != null && template.path("process").path("guid").isTextual()
                ? template.get("process").get("guid").asText() : null;
        Tasks.Create.problems(command, templateProcess).forEach(body::error);
        var metadata = body.metadata();
        body.validate();
        return new Tasks.Create(name, command, memory, disk, logRate, droplet, templateProcess, metadata);
    }

    /** {@code PATCH /v3/tasks/:guid}: {@code metadata} only. */
    static MetadataUpdate update(String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return metadata;
    }
}

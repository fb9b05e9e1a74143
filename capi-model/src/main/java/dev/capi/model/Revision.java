package dev.capi.model;

import java.time.Instant;
import java.util.Map;

/**
 * A revision: a numbered snapshot of what an app runs (droplet, environment variables, process commands), written
 * when a deployment changes one of them and the app's {@code revisions} feature is on.
 */
public record Revision(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                       String organizationGuid, int version, String dropletGuid,
                       Map<String, Object> environmentVariables, Map<String, String> processCommands,
                       String description, boolean deployable, Metadata metadata) {
    public Revision {
        environmentVariables = environmentVariables == null ? Map.of() : Map.copyOf(environmentVariables);
        processCommands = processCommands == null ? Map.of() : Map.copyOf(processCommands);
    }

    public Revision withMetadata(Metadata m) {
        return new Revision(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, version, dropletGuid,
                environmentVariables, processCommands, description, deployable, m);
    }
}

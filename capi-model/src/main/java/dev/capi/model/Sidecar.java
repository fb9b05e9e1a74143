package dev.capi.model;

import java.time.Instant;
import java.util.List;

/** A sidecar: a command run beside the given process types of an app, with its own memory (null: shared). */
public record Sidecar(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                      String organizationGuid, String name, String command, List<String> processTypes,
                      Long memoryInMb, String origin) {
    public Sidecar {
        processTypes = processTypes == null ? List.of() : List.copyOf(processTypes);
    }
}

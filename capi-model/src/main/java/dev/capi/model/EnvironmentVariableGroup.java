package dev.capi.model;

import java.time.Instant;
import java.util.Map;

/** The platform-wide environment variables given to every app while running or while staging. */
public record EnvironmentVariableGroup(String name, Map<String, String> variables, Instant updatedAt) {
    public static final String RUNNING = "running";
    public static final String STAGING = "staging";
}

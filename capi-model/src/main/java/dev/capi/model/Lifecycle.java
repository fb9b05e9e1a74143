package dev.capi.model;

import java.util.List;

/**
 * How an app is staged: {@code buildpack} or {@code cnb} (with the buildpacks to use, in order, and the stack name),
 * or {@code docker} (no data).
 */
public record Lifecycle(String type, List<String> buildpacks, String stack) {
    public static final String BUILDPACK = "buildpack";
    public static final String DOCKER = "docker";
    public static final String CNB = "cnb";

    public Lifecycle {
        buildpacks = buildpacks == null ? List.of() : List.copyOf(buildpacks);
    }

    public static Lifecycle docker() {
        return new Lifecycle(DOCKER, List.of(), null);
    }

    public boolean isDocker() {
        return DOCKER.equals(type);
    }
}

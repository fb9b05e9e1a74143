package dev.capi.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An app: its desired state, how it is staged, its environment variables (JSON values: strings, numbers, booleans,
 * maps, lists or null), its current droplet (nullable), and its features. {@code organizationGuid} is the space's
 * organization, read with the app (not stored on it).
 */
public record App(String guid, Instant createdAt, Instant updatedAt, String name, String spaceGuid,
                  String organizationGuid, DesiredState state, Lifecycle lifecycle,
                  Map<String, Object> environmentVariables, String dropletGuid, Features features,
                  Metadata metadata) {

    public App {
        environmentVariables = environmentVariables == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(environmentVariables));
    }

    /** The app features: {@code ssh}, {@code revisions}, {@code service-binding-k8s}, {@code file-based-vcap-services}. */
    public record Features(boolean ssh, boolean revisions, boolean serviceBindingK8s, boolean fileBasedVcapServices) {
        public static Features defaults(boolean ssh) {
            return new Features(ssh, true, false, false);
        }
    }

    public boolean started() {
        return state == DesiredState.STARTED;
    }

    public App withMetadata(Metadata m) {
        return new App(guid, createdAt, updatedAt, name, spaceGuid, organizationGuid, state, lifecycle,
                environmentVariables, dropletGuid, features, m);
    }

    public App withState(DesiredState s, Instant now) {
        return new App(guid, createdAt, now, name, spaceGuid, organizationGuid, s, lifecycle, environmentVariables,
                dropletGuid, features, metadata);
    }

    public App withName(String n, Instant now) {
        return new App(guid, createdAt, now, n, spaceGuid, organizationGuid, state, lifecycle, environmentVariables,
                dropletGuid, features, metadata);
    }

    public App withLifecycle(Lifecycle l, Instant now) {
        return new App(guid, createdAt, now, name, spaceGuid, organizationGuid, state, l, environmentVariables,
                dropletGuid, features, metadata);
    }

    public App withEnvironmentVariables(Map<String, Object> env, Instant now) {
        return new App(guid, createdAt, now, name, spaceGuid, organizationGuid, state, lifecycle, env, dropletGuid,
                features, metadata);
    }

    public App withDropletGuid(String droplet, Instant now) {
        return new App(guid, createdAt, now, name, spaceGuid, organizationGuid, state, lifecycle,
                environmentVariables, droplet, features, metadata);
    }

    public App withFeatures(Features f, Instant now) {
        return new App(guid, createdAt, now, name, spaceGuid, organizationGuid, state, lifecycle,
                environmentVariables, dropletGuid, f, metadata);
    }
}

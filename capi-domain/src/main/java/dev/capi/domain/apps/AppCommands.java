package dev.capi.domain.apps;

import dev.capi.model.MetadataUpdate;

import java.util.List;
import java.util.Map;

/** The commands the apps use cases accept (validated by the REST messages). */
public final class AppCommands {
    private AppCommands() {
    }

    /**
     * A requested lifecycle: type (null: the app's or the default) and, for buildpack and cnb, the buildpacks (null:
     * unchanged / none) and stack (null: unchanged / the default stack).
     */
    public record LifecycleRequest(String type, List<String> buildpacks, String stack) {
    }

    /** Create: name, space, optional environment variables, lifecycle and metadata. */
    public record Create(String name, String spaceGuid, Map<String, Object> environmentVariables,
                         LifecycleRequest lifecycle, MetadataUpdate metadata) {
    }

    /** Update: every field optional (null = unchanged). */
    public record Update(String name, LifecycleRequest lifecycle, MetadataUpdate metadata) {
    }
}

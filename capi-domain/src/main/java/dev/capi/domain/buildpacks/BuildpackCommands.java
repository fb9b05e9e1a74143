package dev.capi.domain.buildpacks;

import dev.capi.model.MetadataUpdate;

/** The commands the buildpack use cases accept (validated by the REST messages). */
public final class BuildpackCommands {
    private BuildpackCommands() {
    }

    /** Create: name required; position defaults to 1, enabled to true, locked to false, lifecycle to buildpack. */
    public record Create(String name, String stack, Integer position, Boolean enabled, Boolean locked,
                         String lifecycle, MetadataUpdate metadata) {
    }

    /** Update: null leaves a field unchanged; {@code stackGiven} tells an explicit null stack from an absent one. */
    public record Update(String name, String stack, boolean stackGiven, Integer position, Boolean enabled,
                         Boolean locked, MetadataUpdate metadata) {
    }
}

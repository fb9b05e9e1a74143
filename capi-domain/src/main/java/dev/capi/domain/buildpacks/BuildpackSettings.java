package dev.capi.domain.buildpacks;

/** The most bytes a buildpack upload may hold (the reference leaves it to its nginx; 1 GiB by default here). */
public record BuildpackSettings(long maxUploadBytes) {
    public static BuildpackSettings defaults() {
        return new BuildpackSettings(1024L * 1024 * 1024);
    }
}

package dev.capi.model;

import java.time.Instant;

/**
 * An admin buildpack: its name, optional stack and lifecycle ({@code buildpack} or {@code cnb}), its position among
 * the buildpacks of its lifecycle (1 is tried first), whether staging may use it ({@code enabled}) and whether its
 * bits may change ({@code locked}). {@code blobKey}, {@code filename} and {@code sha256} describe the uploaded bits
 * (null until the first upload completes).
 */
public record Buildpack(String guid, Instant createdAt, Instant updatedAt, String name, String stack,
                        String lifecycle, int position, boolean enabled, boolean locked, String filename,
                        String blobKey, String sha256, Metadata metadata) {
    public static final String AWAITING_UPLOAD = "AWAITING_UPLOAD";
    public static final String READY = "READY";

    /** READY once bits were uploaded, else AWAITING_UPLOAD (the reference derives it from the filename). */
    public String state() {
        return filename != null && !filename.isEmpty() ? READY : AWAITING_UPLOAD;
    }

    public Buildpack withMetadata(Metadata m) {
        return new Buildpack(guid, createdAt, updatedAt, name, stack, lifecycle, position, enabled, locked, filename,
                blobKey, sha256, m);
    }
}

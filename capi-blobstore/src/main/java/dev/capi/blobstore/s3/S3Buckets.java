package dev.capi.blobstore.s3;

import java.util.List;

/**
 * Which bucket holds a blob, by the key's first segment, as the reference lays its buckets out: {@code packages/...}
 * in {@code <prefix>packages}, {@code droplets/...} and the buildpack caches ({@code buildpack_cache/...}) in
 * {@code <prefix>droplets}, {@code buildpacks/...} in {@code <prefix>buildpacks}, and everything else (the resource
 * pool) in {@code <prefix>resources}. The object's key in its bucket is the blob's whole key, so a listing of a
 * bucket gives blob keys back unchanged.
 */
final class S3Buckets {
    private final String prefix;

    S3Buckets(String prefix) {
        this.prefix = prefix;
    }

    String of(String key) {
        int slash = key.indexOf('/');
        String first = slash < 0 ? key : key.substring(0, slash);
        return prefix + switch (first) {
            case "packages" -> "packages";
            case "droplets", "buildpack_cache" -> "droplets";
            case "buildpacks" -> "buildpacks";
            default -> "resources";
        };
    }

    List<String> all() {
        return List.of(prefix + "packages", prefix + "droplets", prefix + "buildpacks", prefix + "resources");
    }
}

package dev.capi.blobstore.s3;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an S3-compatible store is and how to sign for it.
 *
 * @param endpoint     the service's URL (for example an S3Proxy, MinIO or Ceph gateway); null for AWS itself
 * @param region       the signing region ({@code us-east-1} when not given)
 * @param accessKey    the access key id
 * @param secretKey    the secret access key
 * @param bucketPrefix put before each bucket's name ({@code packages}, {@code droplets}, {@code buildpacks},
 *                     {@code resources}): lower-case letters, digits, dots and hyphens
 */
public record S3Settings(URI endpoint, String region, String accessKey, String secretKey, String bucketPrefix) {
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9.-]{0,40}|");

    public S3Settings {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        region = region == null || region.isBlank() ? "us-east-1" : region;
        bucketPrefix = bucketPrefix == null ? "" : bucketPrefix;
        if (!PREFIX.matcher(bucketPrefix).matches()) {
            throw new IllegalArgumentException("The S3 bucket prefix must be lower-case letters, digits, dots and "
                    + "hyphens (at most 41), starting with a letter or digit: " + bucketPrefix);
        }
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                + ", bucketPrefix=" + bucketPrefix + "]";
    }
}

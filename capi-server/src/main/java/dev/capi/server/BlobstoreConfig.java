package dev.capi.server;

import dev.capi.blobstore.s3.S3Settings;
import dev.capi.blobstore.webdav.WebDavSettings;

import java.net.URI;
import java.util.Locale;

/**
 * Which blobstore the standalone server keeps bits in ({@code CAPI_BLOBSTORE}): local disk in the data dir (the
 * default), an S3-compatible service ({@code CAPI_S3_*}) or a WebDAV server ({@code CAPI_WEBDAV_*}).
 *
 * @param kind   local, s3 or webdav
 * @param s3     the S3 settings (s3 only)
 * @param webdav the WebDAV settings (webdav only)
 */
public record BlobstoreConfig(Kind kind, S3Settings s3, WebDavSettings webdav) {

    /** The kinds of blobstore, by their configuration value. */
    public enum Kind { LOCAL, S3, WEBDAV }

    /** Local disk in the data dir. */
    public static BlobstoreConfig local() {
        return new BlobstoreConfig(Kind.LOCAL, null, null);
    }

    /** Reads the configured values (null when not given); a missing or malformed one stops the boot with its key. */
    static BlobstoreConfig of(String kind, String s3Endpoint, String s3Region, String s3AccessKey, String s3SecretKey,
                              String s3BucketPrefix, String webdavUrl, String webdavUser, String webdavPassword,
                              String webdavSecret) {
        Kind parsed = parseKind(kind);
        return switch (parsed) {
            case LOCAL -> local();
            case S3 -> new BlobstoreConfig(parsed, new S3Settings(uri("CAPI_S3_ENDPOINT", s3Endpoint), s3Region,
                    required("CAPI_S3_ACCESS_KEY", s3AccessKey), required("CAPI_S3_SECRET_KEY", s3SecretKey),
                    s3BucketPrefix == null ? "capi-" : s3BucketPrefix), null);
            case WEBDAV -> new BlobstoreConfig(parsed, null, new WebDavSettings(
                    uri("CAPI_WEBDAV_URL", required("CAPI_WEBDAV_URL", webdavUrl)), webdavUser, webdavPassword,
                    webdavSecret));
        };
    }

    private static Kind parseKind(String kind) {
        if (kind == null) {
            return Kind.LOCAL;
        }
        try {
            return Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CAPI_BLOBSTORE (blobstore.type) must be local, s3 or webdav: " + kind);
        }
    }

    private static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required for this blobstore");
        }
        return value;
    }

    private static URI uri(String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be an http or https URL: " + value);
        }
    }
}

package dev.capi.blobstore.webdav;

import java.net.URI;
import java.util.Objects;

/**
 * Where a WebDAV blobstore (nginx with its DAV modules, in the reference's internal-blobstore shape) is.
 *
 * @param endpoint the server's base URL ({@code http://blobstore.internal:8080}); blobs are written under
 *                 {@code /admin/} and read through signed URLs under {@code /read/}
 * @param user     the basic-auth user of {@code /admin/} (null for none)
 * @param password its password
 * @param secret   the secret of nginx's {@code secure_link_md5} on {@code /read/}; null when downloads are streamed
 *                 through the Cloud Controller instead of redirected to signed URLs
 */
public record WebDavSettings(URI endpoint, String user, String password, String secret) {
    public WebDavSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("The WebDAV URL must be http or https: " + endpoint);
        }
        String s = endpoint.toString();
        endpoint = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        secret = secret == null || secret.isBlank() ? null : secret;
    }

    @Override
    public String toString() {
        return "WebDavSettings[endpoint=" + endpoint + ", user=" + user + "]";
    }
}

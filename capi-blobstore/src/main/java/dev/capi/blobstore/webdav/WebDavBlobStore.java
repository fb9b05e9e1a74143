package dev.capi.blobstore.webdav;

import dev.capi.blobstore.BlobStoreUnusableException;
import dev.capi.blobstore.internal.Hasher;
import dev.capi.blobstore.internal.Spool;
import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobKeys;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.StoredBlob;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link BlobStore} on a WebDAV server in the reference's internal-blobstore shape: nginx with its DAV module (and
 * {@code dav_ext} for {@code PROPFIND}), blobs written with basic auth under {@code /admin/blobs/<key>}, and, when
 * a secret is configured, read by clients through signed URLs under {@code /read/blobs/<key>} checked by nginx's
 * {@code secure_link} ({@code secure_link_md5 "$secure_link_expires$uri <secret>"}). The JDK's HTTP client speaks it.
 *
 * <p>A write is spooled to a local temporary file (size limit and digests known before anything is sent), then sent
 * as one {@code PUT}, which nginx writes to a temporary file and renames into place, so readers never see part of a
 * blob. WebDAV keeps no metadata, so the digests go to a small note at {@code /admin/digests/<key>} naming the
 * blob's {@code ETag}; {@link #info} trusts the note only while the blob's {@code ETag} still matches it, and reads
 * and hashes the blob otherwise. nginx's {@code ETag} is the modification second and the size, so two writes of one
 * key with the same size within one second cannot be told apart by it: a writer that finds such a note with other
 * digests leaves a note that matches nothing, and {@link #info} hashes the blob.
 */
public final class WebDavBlobStore implements BlobStore {
    private static final System.Logger LOG = System.getLogger(WebDavBlobStore.class.getName());
    static final Duration DOWNLOAD_URL_VALIDITY = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BLOBS = "blobs";
    private static final String DIGESTS = "digests";

    private final HttpClient http;
    private final URI endpoint;
    private final String authorization;
    private final String secret;
    private final Path spool;
    private final Clock clock;

    private WebDavBlobStore(WebDavSettings settings, Path spoolDirectory, Clock clock) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoint = settings.endpoint();
        this.authorization = settings.user() == null || settings.user().isEmpty() ? null : "Basic "
                + Base64.getEncoder().encodeToString((settings.user() + ":" + Objects.toString(settings.password(), ""))
                .getBytes(StandardCharsets.UTF_8));
        this.secret = settings.secret();
        this.spool = Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Connects to the server and creates its two folders where missing.
     *
     * @throws BlobStoreUnusableException if the server refuses the credentials or cannot be reached
     */
    public static WebDavBlobStore connect(WebDavSettings settings, Path spoolDirectory) {
        return connect(settings, spoolDirectory, Clock.systemUTC());
    }

    static WebDavBlobStore connect(WebDavSettings settings, Path spoolDirectory, Clock clock) {
        WebDavBlobStore store = new WebDavBlobStore(settings, spoolDirectory, clock);
        for (String tree : List.of(BLOBS, DIGESTS)) {
            int status;
            try {
                status = store.http.send(store.request(URI.create(settings.endpoint() + "/admin/" + tree + "/"))
                        .method("MKCOL", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new BlobStoreUnusableException("cannot reach the WebDAV blobstore at " + settings.endpoint()
                        + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BlobStoreUnusableException("interrupted while connecting to the WebDAV blobstore");
            }
            if (status == 401 || status == 403) {
                throw new BlobStoreUnusableException("the WebDAV blobstore at " + settings.endpoint() + " refused "
                        + (settings.user() == null ? "anonymous access" : "user " + settings.user()) + " (HTTP "
                        + status + "): check the user and password");
            }
            if (status != 201 && status != 405) { // 405: it exists
                throw new BlobStoreUnusableException("the WebDAV blobstore at " + settings.endpoint()
                        + " answered HTTP " + status + " to MKCOL /admin/" + tree + "/");
            }
        }
        return store;
    }

    @Override
    public BlobInfo put(String key, InputStream content, long maxBytes) {
        BlobKeys.requireValid(key);
        Objects.requireNonNull(content, "content");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        refuseFolderClash(key);
        try (Spool bytes = Spool.of(spool, key, content, maxBytes)) {
            BlobInfo info = bytes.info();
            int status = send(request(url(BLOBS, key)).PUT(HttpRequest.BodyPublishers.ofFile(bytes.file())),
                    HttpResponse.BodyHandlers.discarding(), "put", key).statusCode();
            if (status != 201 && status != 204) {
                throw unavailable("put", key, "HTTP " + status);
            }
            noteDigests(info);
            return info;
        } catch (IOException e) {
            throw unavailable("put", key, e);
        }
    }

    /** Writes the digests note, naming the ETag the blob has now if it is still the one just written. */
    private void noteDigests(BlobInfo info) {
        HttpResponse<Void> head = head(BLOBS, info.key());
        if (head.statusCode() != 200 || contentLength(head) != info.sizeBytes()) {
            return; // replaced meanwhile: info() will hash it
        }
        String note = etag(head) + " " + info.sha1() + " " + info.sha256();
        HttpResponse<String> previous = send(request(url(DIGESTS, info.key())).GET(),
                HttpResponse.BodyHandlers.ofString(), "put", info.key());
        if (previous.statusCode() == 200 && previous.body().startsWith(etag(head) + " ")
                && !previous.body().equals(note)) {
            note = "- - -"; // another write of this size in the same second: no note can tell them apart
        }
        int status = send(request(url(DIGESTS, info.key())).PUT(HttpRequest.BodyPublishers.ofString(note)),
                HttpResponse.BodyHandlers.discarding(), "put", info.key()).statusCode();
        if (status != 201 && status != 204) {
            LOG.log(System.Logger.Level.DEBUG, "cannot note the digests of " + info.key() + ": HTTP " + status);
        }
    }

    @Override
    public Optional<BlobInfo> info(String key) {
        BlobKeys.requireValid(key);
        HttpResponse<Void> head = head(BLOBS, key);
        if (head.statusCode() != 200) {
            requireAbsent(head, "info", key);
            return Optional.empty();
        }
        HttpResponse<String> note = send(request(url(DIGESTS, key)).GET(), HttpResponse.BodyHandlers.ofString(),
                "info", key);
        if (note.statusCode() == 200) {
            String[] parts = note.body().trim().split(" ");
            if (parts.length == 3 && parts[0].equals(etag(head))) {
                return Optional.of(new BlobInfo(key, contentLength(head), parts[1], parts[2]));
            }
        }
        try (InputStream in = open(key)) {
            return Optional.of(Hasher.hash(key, in));
        } catch (IOException e) {
            throw unavailable("info", key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        BlobKeys.requireValid(key);
        HttpResponse<InputStream> response = send(request(url(BLOBS, key)).GET(),
                HttpResponse.BodyHandlers.ofInputStream(), "open", key);
        if (response.statusCode() == 200) {
            return response.body();
        }
        closeQuietly(response.body());
        if (response.statusCode() == 404 || response.statusCode() == 301 || response.statusCode() == 403) {
            throw CfException.notFound("Blob");
        }
        throw unavailable("open", key, "HTTP " + response.statusCode());
    }

    @Override
    public boolean exists(String key) {
        BlobKeys.requireValid(key);
        HttpResponse<Void> head = head(BLOBS, key);
        if (head.statusCode() == 200) {
            return true;
        }
        requireAbsent(head, "exists", key);
        return false;
    }

    @Override
    public void delete(String key) {
        BlobKeys.requireValid(key);
        deleteUrl(url(BLOBS, key), "delete", key);
        deleteUrl(url(DIGESTS, key), "delete", key);
    }

    @Override
    public void deleteByPrefix(String prefix) {
        String folder = BlobKeys.requireValidPrefix(prefix);
        for (String tree : List.of(BLOBS, DIGESTS)) {
            deleteUrl(URI.create(url(tree, folder) + "/"), "deleteByPrefix", folder);
            deleteUrl(url(tree, folder), "deleteByPrefix", folder);
        }
    }

    /** DELETE: gone (204), missing (404) and "a collection, not a file" (409) all leave no blob there. */
    private void deleteUrl(URI url, String operation, String key) {
        int status = send(request(url).DELETE(), HttpResponse.BodyHandlers.discarding(), operation, key).statusCode();
        if (status != 204 && status != 200 && status != 404 && status != 409) {
            throw unavailable(operation, key, "HTTP " + status);
        }
    }

    @Override
    public BlobInfo copy(String fromKey, String toKey) {
        BlobKeys.requireValid(fromKey);
        BlobKeys.requireValid(toKey);
        try (InputStream in = open(fromKey)) {
            return put(toKey, in, Long.MAX_VALUE);
        } catch (UncheckedIOException e) {
            throw unavailable("copy", fromKey, e);
        } catch (IOException e) {
            throw unavailable("copy", fromKey, e);
        }
    }

    @Override
    public void forEachUnder(String prefix, Consumer<StoredBlob> visitor) {
        String folder = BlobKeys.requireValidPrefix(prefix);
        Objects.requireNonNull(visitor, "visitor");
        HttpResponse<Void> head = head(BLOBS, folder);
        if (head.statusCode() == 200) {
            visitor.accept(new StoredBlob(folder, DavListing.lastModified(
                    head.headers().firstValue("Last-Modified").orElse(null))));
        }
        Deque<String> folders = new ArrayDeque<>(List.of(folder));
        while (!folders.isEmpty()) {
            for (Member member : members(folders.pop())) {
                if (member.collection()) {
                    folders.push(member.key());
                } else {
                    visitor.accept(new StoredBlob(member.key(), member.lastModified()));
                }
            }
        }
    }

    /** A blob or folder in a folder, by its key. */
    private record Member(String key, boolean collection, java.time.Instant lastModified) {
    }

    /** The blobs and folders directly in {@code folder} (none if it is missing). */
    private List<Member> members(String folder) {
        String root = endpoint.getPath() + "/admin/" + BLOBS + "/";
        return list(folder).stream()
                .filter(e -> e.path().startsWith(root))
                .map(e -> new Member(trimSlash(e.path().substring(root.length())), e.collection(), e.lastModified()))
                .filter(m -> !m.key().equals(folder))
                .toList();
    }

    private List<DavListing.Entry> list(String folder) {
        HttpResponse<InputStream> response = send(request(URI.create(url(BLOBS, folder) + "/"))
                        .header("Depth", "1").method("PROPFIND", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofInputStream(), "forEachUnder", folder);
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404 || response.statusCode() == 409) {
                return List.of();
            }
            if (response.statusCode() != 207) {
                throw unavailable("forEachUnder", folder, "HTTP " + response.statusCode());
            }
            return DavListing.parse(body);
        } catch (IOException e) {
            throw unavailable("forEachUnder", folder, e);
        }
    }

    /** A URL signed for nginx's {@code secure_link}, valid for an hour; empty without a configured secret. */
    @Override
    public Optional<URI> downloadUrl(String key) {
        BlobKeys.requireValid(key);
        if (secret == null) {
            return Optional.empty();
        }
        long expires = clock.instant().plus(DOWNLOAD_URL_VALIDITY).getEpochSecond();
        String path = endpoint.getPath() + "/read/" + BLOBS + "/" + key;
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                md5(expires + path + " " + secret));
        return Optional.of(URI.create(endpoint + "/read/" + BLOBS + "/" + encode(key) + "?md5=" + signature
                + "&expires=" + expires));
    }

    // --- folders

    /** WebDAV has real folders: a blob under another blob, or over other blobs, is refused as on a file system. */
    private void refuseFolderClash(String key) {
        for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
            if (head(BLOBS, key.substring(0, slash)).statusCode() == 200) {
                throw new IllegalArgumentException("blob key lies under another blob: " + key);
            }
        }
        if (head(BLOBS, key).statusCode() == 301) { // a collection
            if (!members(key).isEmpty()) {
                throw new IllegalArgumentException("blob key is a folder of other blobs: " + key);
            }
            // an empty folder left by deletes: remove it so that the blob can take its place
            deleteUrl(URI.create(url(BLOBS, key) + "/"), "put", key);
            deleteUrl(URI.create(url(DIGESTS, key) + "/"), "put", key);
        }
    }

    // --- HTTP

    private HttpRequest.Builder request(URI url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<Void> head(String tree, String key) {
        return send(request(url(tree, key)).timeout(TIMEOUT).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.discarding(), "head", key);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String operation,
                                     String key) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw unavailable(operation, key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(operation, key, "interrupted");
        }
    }

    private static void requireAbsent(HttpResponse<?> response, String operation, String key) {
        int status = response.statusCode();
        if (status != 404 && status != 301 && status != 403) { // 301 and 403: a collection
            throw unavailable(operation, key, "HTTP " + status);
        }
    }

    private URI url(String tree, String key) {
        return URI.create(endpoint + "/admin/" + tree + "/" + encode(key));
    }

    /** Percent-encodes each segment of a key (keys have no empty, {@code .} or {@code ..} segment). */
    static String encode(String key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElse("-");
    }

    private static long contentLength(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from the JDK", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    /** CfException carries no cause, so the cause is logged here. */
    private static CfException unavailable(String operation, String key, Exception e) {
        LOG.log(System.Logger.Level.WARNING, "blobstore " + operation + " of " + key + " failed", e);
        return CfException.of(CfError.BlobstoreUnavailable);
    }

    private static CfException unavailable(String operation, String key, String detail) {
        LOG.log(System.Logger.Level.WARNING, "blobstore " + operation + " of " + key + " failed: " + detail);
        return CfException.of(CfError.BlobstoreUnavailable);
    }
}

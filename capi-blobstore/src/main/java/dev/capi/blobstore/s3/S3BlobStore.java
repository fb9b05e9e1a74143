package dev.capi.blobstore.s3;

import dev.capi.blobstore.BlobStoreUnusableException;
import dev.capi.blobstore.internal.Hasher;
import dev.capi.blobstore.internal.Spool;
import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobKeys;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.StoredBlob;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link BlobStore} on an S3-compatible service, spoken to with the AWS SDK for Java v2: path-style addressing, and
 * request and response checksums only where an operation requires them (so that S3-compatible services without the
 * newer checksum headers work). Blobs live in four buckets ({@link S3Buckets}), created at start when missing.
 *
 * <p>A write is spooled to a local temporary file first (the size limit and the digests are known before anything is
 * sent), then sent as one {@code PutObject}, which S3 applies atomically; the digests travel as the object's user
 * metadata ({@code x-amz-meta-sha1}, {@code x-amz-meta-sha256}) so that {@link #info} is one {@code HEAD}. Downloads
 * are offered as presigned {@code GET} URLs valid for an hour, as the reference's remote blobstores.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(S3BlobStore.class.getName());
    static final Duration DOWNLOAD_URL_VALIDITY = Duration.ofHours(1);
    private static final String SHA1 = "sha1";
    private static final String SHA256 = "sha256";
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3Buckets buckets;
    private final Path spool;
    private final String endpoint;

    private S3BlobStore(S3Settings settings, Path spoolDirectory) {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        Region region = Region.of(settings.region());
        var client = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(64));
        var presign = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
            presign.endpointOverride(settings.endpoint());
        }
        this.s3 = client.build();
        this.presigner = presign.build();
        this.buckets = new S3Buckets(settings.bucketPrefix());
        this.spool = Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        this.endpoint = settings.endpoint() == null ? "AWS S3 (" + region + ")" : settings.endpoint().toString();
    }

    /**
     * Connects to the store and creates its buckets where missing.
     *
     * @param spoolDirectory where uploads are spooled before they are sent (created if missing)
     * @throws BlobStoreUnusableException if the store refuses the credentials, cannot be reached or cannot create a
     *                                    bucket
     */
    public static S3BlobStore connect(S3Settings settings, Path spoolDirectory) {
        S3BlobStore store = new S3BlobStore(settings, spoolDirectory);
        try {
            store.ensureBuckets();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void ensureBuckets() {
        for (String bucket : buckets.all()) {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    create(bucket);
                } else if (e.statusCode() == 403 || e.statusCode() == 401) {
                    throw new BlobStoreUnusableException("the S3 blobstore at " + endpoint + " refused access to "
                            + "bucket " + bucket + " (HTTP " + e.statusCode() + "): check the access key and secret key");
                } else {
                    throw new BlobStoreUnusableException("the S3 blobstore at " + endpoint + " answered HTTP "
                            + e.statusCode() + " for bucket " + bucket);
                }
            } catch (SdkException e) {
                throw new BlobStoreUnusableException("cannot reach the S3 blobstore at " + endpoint + ": "
                        + firstLine(e.getMessage()));
            }
        }
    }

    private void create(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
            LOG.log(System.Logger.Level.INFO, "created bucket " + bucket + " on " + endpoint);
        } catch (S3Exception e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.awsErrorDetails().errorCode())) {
                throw new BlobStoreUnusableException("cannot create bucket " + bucket + " on the S3 blobstore at "
                        + endpoint + ": " + firstLine(e.getMessage()));
            }
        }
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
            s3.putObject(b -> b.bucket(buckets.of(key)).key(key).metadata(digests(info))
                    .contentLength(info.sizeBytes()), RequestBody.fromFile(bytes.file()));
            return info;
        } catch (IOException e) {
            throw unavailable("put", key, e);
        } catch (SdkException e) {
            throw unavailable("put", key, e);
        }
    }

    @Override
    public Optional<BlobInfo> info(String key) {
        BlobKeys.requireValid(key);
        return head(key).map(head -> {
            String sha1 = head.metadata().get(SHA1);
            String sha256 = head.metadata().get(SHA256);
            if (sha1 != null && sha256 != null) {
                return new BlobInfo(key, head.contentLength(), sha1, sha256);
            }
            return hashed(key); // written by another tool: read and hash it
        });
    }

    private BlobInfo hashed(String key) {
        try (InputStream in = open(key)) {
            return Hasher.hash(key, in);
        } catch (IOException e) {
            throw unavailable("info", key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        BlobKeys.requireValid(key);
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(buckets.of(key)).key(key));
            return in;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw CfException.notFound("Blob");
            }
            throw unavailable("open", key, e);
        } catch (SdkException e) {
            throw unavailable("open", key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        BlobKeys.requireValid(key);
        return head(key).isPresent();
    }

    @Override
    public void delete(String key) {
        BlobKeys.requireValid(key);
        try {
            s3.deleteObject(b -> b.bucket(buckets.of(key)).key(key));
        } catch (S3Exception e) {
            // some S3-compatible servers on a file system fail to delete a "folder" that is no object: nothing to do
            if (e.statusCode() < 500 || head(key).isPresent()) {
                throw unavailable("delete", key, e);
            }
        } catch (SdkException e) {
            throw unavailable("delete", key, e);
        }
    }

    @Override
    public void deleteByPrefix(String prefix) {
        String folder = BlobKeys.requireValidPrefix(prefix);
        String bucket = buckets.of(folder);
        try {
            List<ObjectIdentifier> batch = new ArrayList<>();
            if (head(folder).isPresent()) {
                batch.add(ObjectIdentifier.builder().key(folder).build());
            }
            for (S3Object object : list(bucket, folder + "/")) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == DELETE_BATCH) {
                    deleteAll(bucket, batch);
                    batch.clear();
                }
            }
            deleteAll(bucket, batch);
        } catch (SdkException e) {
            throw unavailable("deleteByPrefix", folder, e);
        }
    }

    private void deleteAll(String bucket, List<ObjectIdentifier> objects) {
        if (!objects.isEmpty()) {
            List<ObjectIdentifier> ids = List.copyOf(objects);
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
        }
    }

    @Override
    public BlobInfo copy(String fromKey, String toKey) {
        BlobKeys.requireValid(fromKey);
        BlobKeys.requireValid(toKey);
        BlobInfo source = info(fromKey).orElseThrow(() -> CfException.notFound("Blob"));
        refuseFolderClash(toKey);
        BlobInfo copy = new BlobInfo(toKey, source.sizeBytes(), source.sha1(), source.sha256());
        try {
            s3.copyObject(b -> b.sourceBucket(buckets.of(fromKey)).sourceKey(fromKey)
                    .destinationBucket(buckets.of(toKey)).destinationKey(toKey)
                    .metadataDirective(MetadataDirective.REPLACE).metadata(digests(copy)));
            return copy;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw CfException.notFound("Blob");
            }
            throw unavailable("copy", fromKey, e);
        } catch (SdkException e) {
            throw unavailable("copy", fromKey, e);
        }
    }

    @Override
    public void forEachUnder(String prefix, Consumer<StoredBlob> visitor) {
        String folder = BlobKeys.requireValidPrefix(prefix);
        Objects.requireNonNull(visitor, "visitor");
        head(folder).ifPresent(blob -> visitor.accept(new StoredBlob(folder, blob.lastModified())));
        try {
            for (S3Object object : list(buckets.of(folder), folder + "/")) {
                visitor.accept(new StoredBlob(object.key(), object.lastModified()));
            }
        } catch (SdkException e) {
            throw unavailable("forEachUnder", folder, e);
        }
    }

    /** A presigned {@code GET} of the blob, valid for an hour. */
    @Override
    public Optional<URI> downloadUrl(String key) {
        BlobKeys.requireValid(key);
        try {
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(DOWNLOAD_URL_VALIDITY)
                    .getObjectRequest(g -> g.bucket(buckets.of(key)).key(key))).url().toURI());
        } catch (SdkException e) {
            throw unavailable("downloadUrl", key, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigned URL of " + key + " is not a URI", e);
        }
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    // --- helpers

    private Iterable<S3Object> list(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents();
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(buckets.of(key)).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("head", key, e);
        } catch (SdkException e) {
            throw unavailable("head", key, e);
        }
    }

    /** S3 has no folders: a blob under another blob, or over other blobs, is refused here as on a file system. */
    private void refuseFolderClash(String key) {
        for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
            if (head(key.substring(0, slash)).isPresent()) {
                throw new IllegalArgumentException("blob key lies under another blob: " + key);
            }
        }
        try {
            if (!s3.listObjectsV2(b -> b.bucket(buckets.of(key)).prefix(key + "/").maxKeys(1)).contents().isEmpty()) {
                throw new IllegalArgumentException("blob key is a folder of other blobs: " + key);
            }
        } catch (SdkException e) {
            throw unavailable("put", key, e);
        }
    }

    private static Map<String, String> digests(BlobInfo info) {
        return Map.of(SHA1, info.sha1(), SHA256, info.sha256());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** CfException carries no cause, so the cause is logged here. */
    private static CfException unavailable(String operation, String key, Exception e) {
        LOG.log(System.Logger.Level.WARNING, "blobstore " + operation + " of " + key + " failed", e);
        return CfException.of(CfError.BlobstoreUnavailable);
    }
}

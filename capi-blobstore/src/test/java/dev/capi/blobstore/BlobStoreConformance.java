package dev.capi.blobstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.BlobTooLargeException;
import dev.capi.domain.blobs.StoredBlob;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStore} does, whatever keeps the bits: local disk, an S3-compatible service, WebDAV on nginx.
 * A subclass gives a fresh, empty store for each test (real servers for the remote ones).
 */
public abstract class BlobStoreConformance {
    private static final String EMPTY_SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /** The top folders (and blobs) the tests write to. */
    protected static final List<String> FOLDERS = List.of("packages", "droplets", "droplets2", "buildpacks",
            "buildpack_cache", "resource_pool", "a", "k", "new");

    protected BlobStore store;

    /** A fresh, empty store. */
    protected abstract BlobStore newStore() throws Exception;

    /** Another store on the same bits as {@link #store}, as after a restart. */
    protected abstract BlobStore reopen() throws Exception;

    /** Whether this kind of store offers download URLs (remote stores) or streams only (local disk). */
    protected abstract boolean offersDownloadUrls();

    /** The size of the blob that must stream through under the tests' small heap. */
    protected long largeBlobBytes() {
        return 64L * 1024 * 1024;
    }

    /**
     * The size of what writer {@code w} writes in the concurrency test: a torn write shows as mixed bytes, a blob of
     * the wrong writer's length or the wrong digests.
     */
    protected int concurrentWriterBytes(int w) {
        return 200_000 + w * 37_000;
    }

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    // --- round trip

    @Test
    void putStoresTheBytesAndReportsTheirSizeAndDigests() throws IOException {
        byte[] bytes = randomBytes(300_000, 1);

        BlobInfo info = store.put("packages/p1", new ByteArrayInputStream(bytes), bytes.length);

        assertThat(info).isEqualTo(expectedInfo("packages/p1", bytes));
        assertThat(readAll(store, "packages/p1")).isEqualTo(bytes);
        assertThat(store.info("packages/p1")).contains(info);
        assertThat(store.exists("packages/p1")).isTrue();
        assertThat(blobs()).containsExactly("packages/p1");
    }

    @Test
    void anEmptyBlobHasTheEmptyDigests() throws IOException {
        BlobInfo info = store.put("packages/empty", InputStream.nullInputStream(), 0);

        assertThat(info).isEqualTo(new BlobInfo("packages/empty", 0, EMPTY_SHA1, EMPTY_SHA256));
        assertThat(store.info("packages/empty")).contains(info);
        assertThat(readAll(store, "packages/empty")).isEmpty();
    }

    @Test
    void putReplacesAnExistingBlob() throws IOException {
        store.put("k", stream("old contents"), 100);
        BlobInfo info = store.put("k", stream("new"), 100);

        assertThat(readAll(store, "k")).asString(StandardCharsets.UTF_8).isEqualTo("new");
        assertThat(store.info("k")).contains(info).get().isEqualTo(expectedInfo("k", bytes("new")));
    }

    @Test
    void blobsOutliveTheStoreObject() throws Exception {
        byte[] bytes = randomBytes(10_000, 9);
        BlobInfo info = store.put("droplets/d1/sha", new ByteArrayInputStream(bytes), Long.MAX_VALUE);

        BlobStore again = reopen();

        assertThat(again.info("droplets/d1/sha")).contains(info);
        assertThat(readAll(again, "droplets/d1/sha")).isEqualTo(bytes);
    }

    @Test
    void aReaderKeepsTheBlobItOpenedWhenItIsReplacedOrDeleted() throws IOException {
        store.put("k", stream("first"), 100);
        try (InputStream in = store.open("k")) {
            store.put("k", stream("second!"), 100);
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("first");
        }
        try (InputStream in = store.open("k")) {
            store.delete("k");
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("second!");
        }
    }

    @Test
    void missingBlobs() {
        assertThat(store.exists("packages/none")).isFalse();
        assertThat(store.info("packages/none")).isEmpty();
        assertThatThrownBy(() -> store.open("packages/none"))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound));
        assertThatCode(() -> store.delete("packages/none")).doesNotThrowAnyException();
        assertThatCode(() -> store.deleteByPrefix("packages/none")).doesNotThrowAnyException();
    }

    @Test
    void aFolderIsNotABlob() {
        store.put("droplets/d1/sha", stream("x"), 10);

        assertThat(store.exists("droplets/d1")).isFalse();
        assertThat(store.info("droplets/d1")).isEmpty();
        assertThatThrownBy(() -> store.open("droplets/d1")).isInstanceOf(CfException.class);
        store.delete("droplets/d1");
        assertThat(store.exists("droplets/d1/sha")).isTrue();
    }

    @Test
    void aKeyCannotBeBothABlobAndAFolder() {
        store.put("a/b", stream("x"), 10);

        assertThatIllegalArgumentException().isThrownBy(() -> store.put("a", stream("y"), 10));
        assertThatIllegalArgumentException().isThrownBy(() -> store.put("a/b/c", stream("y"), 10));
        assertThat(blobs()).containsExactly("a/b");
    }

    @Test
    void aFolderEmptiedByDeletesMayBecomeABlob() throws IOException {
        store.put("a/b", stream("x"), 10);
        store.delete("a/b");

        store.put("a", stream("now a blob"), 100);

        assertThat(readAll(store, "a")).asString(StandardCharsets.UTF_8).isEqualTo("now a blob");
    }

    // --- size limit

    @Test
    void exactlyMaxBytesIsAccepted() {
        BlobInfo info = store.put("k", new ByteArrayInputStream(new byte[1000]), 1000);

        assertThat(info.sizeBytes()).isEqualTo(1000);
    }

    @Test
    void oneByteMoreThanMaxBytesIsRefusedAndStoresNothing() {
        assertThatThrownBy(() -> store.put("packages/p1", new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOfSatisfying(BlobTooLargeException.class, e -> {
                    assertThat(e.key()).isEqualTo("packages/p1");
                    assertThat(e.maxBytes()).isEqualTo(1000);
                });

        assertThat(store.exists("packages/p1")).isFalse();
        assertThat(blobs()).isEmpty();
    }

    @Test
    void anOversizedReplacementKeepsThePreviousBlob() throws IOException {
        store.put("k", stream("previous"), 100);

        assertThatThrownBy(() -> store.put("k", new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(BlobTooLargeException.class);

        assertThat(readAll(store, "k")).asString(StandardCharsets.UTF_8).isEqualTo("previous");
        assertThat(blobs()).containsExactly("k");
    }

    @Test
    void theLimitIsEnforcedWhileStreaming() {
        GeneratedStream large = new GeneratedStream(64_000_000);

        assertThatThrownBy(() -> store.put("k", large, 1_000_000)).isInstanceOf(BlobTooLargeException.class);

        assertThat(large.delivered()).isLessThan(2_000_000);
        assertThat(blobs()).isEmpty();
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.put("k", stream("x"), -1));
    }

    // --- failing content

    @Test
    void aStreamFailingMidwayStoresNothingAndKeepsThePreviousBlob() throws IOException {
        store.put("k", stream("previous"), Long.MAX_VALUE);
        IOException failure = new IOException("connection reset");

        assertThatThrownBy(() -> store.put("k", failingAfter(200_000, failure), Long.MAX_VALUE))
                .isInstanceOf(UncheckedIOException.class)
                .hasCause(failure);

        assertThat(readAll(store, "k")).asString(StandardCharsets.UTF_8).isEqualTo("previous");
        assertThat(blobs()).containsExactly("k");
    }

    @Test
    void aRuntimeExceptionFromTheStreamPropagatesAndStoresNothing() {
        IllegalStateException failure = new IllegalStateException("boom");
        InputStream failing = new GeneratedStream(1_000_000) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (delivered() > 100_000) {
                    throw failure;
                }
                return super.read(b, off, len);
            }
        };

        assertThatThrownBy(() -> store.put("new/key", failing, Long.MAX_VALUE)).isSameAs(failure);

        assertThat(store.exists("new/key")).isFalse();
        assertThat(blobs()).isEmpty();
    }

    // --- concurrency

    @Test
    @Timeout(60)
    void concurrentWritersLeaveOneCompleteBlobAndReadersNeverSeePartialData() throws Exception {
        int writers = 4;
        int rounds = 3;
        byte[][] contents = new byte[writers][];
        for (int w = 0; w < writers; w++) {
            contents[w] = new byte[concurrentWriterBytes(w)];
            Arrays.fill(contents[w], (byte) (w + 1));
        }
        store.put("droplets/d/x", new ByteArrayInputStream(contents[0]), Long.MAX_VALUE);

        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte[] mine = contents[w];
                done.add(pool.submit(() -> {
                    go.await();
                    for (int r = 0; r < rounds; r++) {
                        store.put("droplets/d/x", new TrickleStream(mine), Long.MAX_VALUE);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                go.await();
                do {
                    byte[] seen = readAll(store, "droplets/d/x");
                    assertThat(seen).isNotEmpty();
                    int writer = seen[0] - 1;
                    assertThat(seen).isEqualTo(contents[writer]);
                    reads.incrementAndGet();
                } while (writing.get());
                return null;
            });
            go.countDown();
            for (Future<?> writer : done) {
                writer.get();
            }
            writing.set(false);
            reader.get();
            assertThat(reads).hasPositiveValue();
        } finally {
            pool.shutdownNow();
        }

        byte[] last = readAll(store, "droplets/d/x");
        assertThat(Arrays.stream(contents).anyMatch(c -> Arrays.equals(c, last))).isTrue();
        assertThat(store.info("droplets/d/x")).contains(expectedInfo("droplets/d/x", last));
        assertThat(blobs()).containsExactly("droplets/d/x");
    }

    // --- large blobs

    @Test
    void aLargeBlobStreamsThroughWithoutBeingHeldInMemory() throws Exception {
        // the tests run with -Xmx64m (see the pom): holding this blob would fail with OutOfMemoryError
        long size = largeBlobBytes();
        GeneratedStream source = new GeneratedStream(size, true);

        BlobInfo info = store.put("droplets/big/sha", source, size);

        assertThat(info).isEqualTo(new BlobInfo("droplets/big/sha", size, source.sha1(), source.sha256()));
        assertThat(store.info("droplets/big/sha")).contains(info);
        GeneratedStream expected = new GeneratedStream(size, false);
        try (InputStream in = store.open("droplets/big/sha")) {
            byte[] actual = new byte[1 << 16];
            byte[] wanted = new byte[1 << 16];
            for (int n; (n = in.readNBytes(actual, 0, actual.length)) > 0; ) {
                assertThat(expected.readNBytes(wanted, 0, n)).isEqualTo(n);
                if (!Arrays.equals(actual, 0, n, wanted, 0, n)) {
                    throw new AssertionError("the blob differs near byte " + expected.delivered());
                }
            }
        }
        assertThat(expected.delivered()).isEqualTo(size);
    }

    // --- keys

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/etc/passwd", "..", ".", "../x", "../../../../../../tmp/x", "a/../../x",
        "a/./b", "a//b", "a\\b", "..\\x", "a\0b"})
    void keysThatCouldEscapeTheRootAreRefused(String key) {
        store.put("a/b", stream("x"), 10);

        List<Consumer<String>> operations = List.of(
                k -> store.put(k, stream("evil"), 10),
                k -> store.info(k),
                k -> store.open(k),
                k -> store.exists(k),
                k -> store.delete(k),
                k -> store.deleteByPrefix(k),
                k -> store.copy("a/b", k),
                k -> store.copy(k, "a/c"),
                k -> store.downloadUrl(k));
        for (Consumer<String> operation : operations) {
            assertThatIllegalArgumentException().isThrownBy(() -> operation.accept(key));
        }
        assertThat(blobs()).containsExactly("a/b");
    }

    @Test
    void aKeyWithATrailingSlashIsRefusedButAFolderPrefixMayHaveOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.put("a/", stream("x"), 10));
        assertThatIllegalArgumentException().isThrownBy(() -> store.exists("a/"));
        assertThatCode(() -> store.deleteByPrefix("a/")).doesNotThrowAnyException();
    }

    @Test
    void aNullKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.put(null, stream("x"), 10));
        assertThatIllegalArgumentException().isThrownBy(() -> store.exists(null));
    }

    // --- delete, copy, prefix delete

    @Test
    void deleteRemovesTheBlobOnly() {
        store.put("droplets/d1/sha1", stream("one"), 10);
        store.put("droplets/d2/sha2", stream("two"), 10);

        store.delete("droplets/d1/sha1");

        assertThat(store.exists("droplets/d1/sha1")).isFalse();
        assertThat(blobs()).containsExactly("droplets/d2/sha2");
    }

    @Test
    void copyDuplicatesTheBlob() throws IOException {
        byte[] bytes = randomBytes(100_000, 2);
        BlobInfo original = store.put("packages/p1", new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        store.put("packages/p2", stream("to be replaced"), 100);

        BlobInfo copy = store.copy("packages/p1", "packages/p2");

        assertThat(copy).isEqualTo(new BlobInfo("packages/p2", original.sizeBytes(), original.sha1(), original.sha256()));
        assertThat(store.info("packages/p2")).contains(copy);
        assertThat(readAll(store, "packages/p2")).isEqualTo(bytes);
        assertThat(readAll(store, "packages/p1")).isEqualTo(bytes);
        assertThat(blobs()).containsExactly("packages/p1", "packages/p2");
    }

    @Test
    void copyAcrossFolders() throws IOException {
        store.put("droplets/d1-upload-x", stream("droplet"), 100);

        store.copy("droplets/d1-upload-x", "droplets/d1");
        store.copy("droplets/d1", "packages/p9");

        assertThat(readAll(store, "packages/p9")).asString(StandardCharsets.UTF_8).isEqualTo("droplet");
    }

    @Test
    void copyOfAMissingBlobIsNotFoundAndCreatesNothing() {
        assertThatThrownBy(() -> store.copy("packages/none", "packages/p2"))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound));
        assertThat(blobs()).isEmpty();
    }

    @Test
    void deleteByPrefixDeletesAWholeFolderOnly() {
        for (String key : List.of("buildpack_cache/app1/cflinuxfs4", "buildpack_cache/app1/deep/er/x",
                "buildpack_cache/app10/cflinuxfs4", "buildpack_cache/app2/cflinuxfs4", "packages/app1")) {
            store.put(key, stream(key), 100);
        }

        store.deleteByPrefix("buildpack_cache/app1");

        assertThat(blobs()).containsExactly("buildpack_cache/app10/cflinuxfs4", "buildpack_cache/app2/cflinuxfs4",
                "packages/app1");

        store.deleteByPrefix("buildpack_cache/");

        assertThat(blobs()).containsExactly("packages/app1");
    }

    @Test
    void deleteByPrefixOfABlobKeyDeletesThatBlob() {
        store.put("packages/p1", stream("x"), 10);
        store.put("packages/p10", stream("x"), 10);

        store.deleteByPrefix("packages/p1");

        assertThat(blobs()).containsExactly("packages/p10");
    }

    @Test
    void deleteByPrefixRefusesTheWholeStore() {
        store.put("packages/p1", stream("x"), 10);

        assertThatIllegalArgumentException().isThrownBy(() -> store.deleteByPrefix(""));
        assertThatIllegalArgumentException().isThrownBy(() -> store.deleteByPrefix("/"));
        assertThat(blobs()).containsExactly("packages/p1");
    }

    // --- listing

    @Test
    void forEachUnderVisitsTheFoldersBlobsWithTheirLastModifiedTimes() {
        Instant before = Instant.now().minusSeconds(60);
        store.put("droplets/d1/sha", new ByteArrayInputStream(new byte[] {1}), Long.MAX_VALUE);
        store.put("droplets/d2", new ByteArrayInputStream(new byte[] {2}), Long.MAX_VALUE);
        store.put("droplets2/x", new ByteArrayInputStream(new byte[] {3}), Long.MAX_VALUE);
        store.put("packages/p1", new ByteArrayInputStream(new byte[] {4}), Long.MAX_VALUE);

        List<StoredBlob> seen = new ArrayList<>();
        store.forEachUnder("droplets/", seen::add);

        assertThat(seen).extracting(StoredBlob::key).containsExactlyInAnyOrder("droplets/d1/sha", "droplets/d2");
        assertThat(seen).extracting(StoredBlob::lastModified)
                .allMatch(t -> t.isAfter(before) && t.isBefore(Instant.now().plusSeconds(60)));
        List<StoredBlob> one = new ArrayList<>();
        store.forEachUnder("packages/p1", one::add);
        assertThat(one).extracting(StoredBlob::key).containsExactly("packages/p1");
    }

    @Test
    void forEachUnderAMissingFolderVisitsNothingAndRefusesBadPrefixes() {
        List<StoredBlob> seen = new ArrayList<>();
        store.forEachUnder("buildpacks", seen::add);
        assertThat(seen).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> store.forEachUnder("../x", seen::add));
        assertThatIllegalArgumentException().isThrownBy(() -> store.forEachUnder("/", seen::add));
    }

    // --- download URLs

    @Test
    void aDownloadUrlServesTheBlobWithoutCredentials() throws Exception {
        byte[] bytes = randomBytes(50_000, 4);
        store.put("packages/p1", new ByteArrayInputStream(bytes), Long.MAX_VALUE);

        Optional<URI> url = store.downloadUrl("packages/p1");

        if (!offersDownloadUrls()) {
            assertThat(url).isEmpty();
            return;
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.orElseThrow())
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        URI forged = URI.create(url.get().toString().replace("packages/p1", "packages/p2"));
        store.put("packages/p2", stream("secret"), 100);
        HttpResponse<byte[]> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(forged).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.statusCode()).isBetween(400, 499);
    }

    // --- helpers

    /** Every blob in the folders the tests write to, sorted. */
    protected List<String> blobs() {
        List<String> keys = new ArrayList<>();
        for (String folder : FOLDERS) {
            store.forEachUnder(folder, b -> keys.add(b.key()));
        }
        return keys.stream().filter(k -> !k.startsWith("droplets2/")).sorted().toList();
    }

    protected static byte[] readAll(BlobStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    protected static BlobInfo expectedInfo(String key, byte[] bytes) {
        HexFormat hex = HexFormat.of();
        return new BlobInfo(key, bytes.length, hex.formatHex(digest("SHA-1").digest(bytes)),
                hex.formatHex(digest("SHA-256").digest(bytes)));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    protected static InputStream stream(String text) {
        return new ByteArrayInputStream(bytes(text));
    }

    private static InputStream failingAfter(long bytes, IOException failure) {
        return new GeneratedStream(Long.MAX_VALUE) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (delivered() >= bytes) {
                    throw failure;
                }
                return super.read(b, off, len);
            }
        };
    }

    /** Hands its content out a few kilobytes per read. */
    private static final class TrickleStream extends ByteArrayInputStream {
        TrickleStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 4096));
        }
    }

    /** {@code size} bytes of a cheap pseudo-random sequence, hashed as they are handed out; nothing is kept. */
    protected static class GeneratedStream extends InputStream {
        private final long size;
        private final AtomicLong delivered = new AtomicLong();
        private final MessageDigest sha1 = digest("SHA-1");
        private final MessageDigest sha256 = digest("SHA-256");
        private final boolean hashing;
        private int state = 0x9E3779B9;

        protected GeneratedStream(long size) {
            this(size, false);
        }

        protected GeneratedStream(long size, boolean hashing) {
            this.size = size;
            this.hashing = hashing;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = size - delivered.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 17;
                state ^= state << 5;
                b[off + i] = (byte) state;
            }
            if (hashing) {
                sha1.update(b, off, n);
                sha256.update(b, off, n);
            }
            delivered.addAndGet(n);
            return n;
        }

        protected long delivered() {
            return delivered.get();
        }

        String sha1() {
            return HexFormat.of().formatHex(sha1.digest());
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}

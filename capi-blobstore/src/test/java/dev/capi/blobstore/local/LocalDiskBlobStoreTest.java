package dev.capi.blobstore.local;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDiskBlobStoreTest {
    private static final String EMPTY_SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path root;

    BlobStore store;

    @BeforeEach
    void createStore() {
        store = new LocalDiskBlobStore(root);
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
        assertThat(files()).containsExactly("blobs/packages/p1");
    }

    @Test
    void anEmptyBlobHasTheEmptyDigests() throws IOException {
        BlobInfo info = store.put("packages/empty", InputStream.nullInputStream(), 0);

        assertThat(info).isEqualTo(new BlobInfo("packages/empty", 0, EMPTY_SHA1, EMPTY_SHA256));
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
        assertThat(files()).containsExactly("blobs/a/b");
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
        assertThat(files()).isEmpty();
    }

    @Test
    void anOversizedReplacementKeepsThePreviousBlob() throws IOException {
        store.put("k", stream("previous"), 100);

        assertThatThrownBy(() -> store.put("k", new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(BlobTooLargeException.class);

        assertThat(readAll(store, "k")).asString(StandardCharsets.UTF_8).isEqualTo("previous");
        assertThat(files()).containsExactly("blobs/k");
    }

    @Test
    void theLimitIsEnforcedWhileStreaming() {
        GeneratedStream large = new GeneratedStream(64_000_000);

        assertThatThrownBy(() -> store.put("k", large, 1_000_000)).isInstanceOf(BlobTooLargeException.class);

        assertThat(large.delivered()).isLessThan(2_000_000);
        assertThat(files()).isEmpty();
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
        assertThat(files()).containsExactly("blobs/k");
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
        assertThat(files()).isEmpty();
    }

    @Test
    void anInterruptedWriterStoresNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReferenceHolder<Throwable> thrown = new AtomicReferenceHolder<>();
        // hands out 1 MB, then waits (up to 10 s) for the interrupt, then 3 MB more: bounded even if it is ignored
        InputStream source = new GeneratedStream(4_000_000) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (delivered() >= 1_000_000 && started.getCount() > 0) {
                    started.countDown();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                }
                return super.read(b, off, len);
            }
        };
        Thread writer = new Thread(() -> {
            try {
                store.put("k", source, Long.MAX_VALUE);
            } catch (Throwable t) {
                thrown.value = t;
            }
        });
        writer.start();
        started.await();
        writer.interrupt();
        writer.join(10_000);

        assertThat(writer.isAlive()).isFalse();
        assertThat(thrown.value).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.BlobstoreUnavailable));
        assertThat(files()).isEmpty();
    }

    // --- concurrency

    @Test
    @Timeout(30)
    void concurrentWritersLeaveOneCompleteBlobAndReadersNeverSeePartialData() throws Exception {
        int writers = 8;
        int rounds = 4;
        byte[][] contents = new byte[writers][];
        for (int w = 0; w < writers; w++) {
            contents[w] = new byte[500_000 + w * 37_000];
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
                        // small reads so that writes interleave
                        store.put("droplets/d/x", new TrickleStream(mine), Long.MAX_VALUE);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                go.await();
                while (writing.get()) {
                    byte[] seen = readAll(store, "droplets/d/x");
                    assertThat(seen).isNotEmpty();
                    int writer = seen[0] - 1;
                    assertThat(seen).isEqualTo(contents[writer]);
                    reads.incrementAndGet();
                }
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
        assertThat(files()).containsExactly("blobs/droplets/d/x");
    }

    // --- large blobs

    @Test
    void aLargeBlobStreamsThroughWithoutBeingHeldInMemory() throws Exception {
        // the tests run with -Xmx64m (see the pom): holding this blob would fail with OutOfMemoryError
        long size = 200L * 1024 * 1024;
        GeneratedStream source = new GeneratedStream(size, true);

        BlobInfo info = store.put("droplets/big/sha", source, size);

        assertThat(info).isEqualTo(new BlobInfo("droplets/big/sha", size, source.sha1(), source.sha256()));
        assertThat(Files.size(root.resolve("blobs/droplets/big/sha"))).isEqualTo(size);
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
                k -> store.copy(k, "a/c"));
        for (Consumer<String> operation : operations) {
            assertThatIllegalArgumentException().isThrownBy(() -> operation.accept(key));
        }
        assertThat(files()).containsExactly("blobs/a/b");
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
    void deleteRemovesTheBlobAndItsEmptiedFolders() throws IOException {
        store.put("droplets/d1/sha1", stream("one"), 10);
        store.put("droplets/d2/sha2", stream("two"), 10);

        store.delete("droplets/d1/sha1");

        assertThat(store.exists("droplets/d1/sha1")).isFalse();
        assertThat(files()).containsExactly("blobs/droplets/d2/sha2");
        assertThat(root.resolve("blobs/droplets/d1")).doesNotExist();
        assertThat(root.resolve("blobs/droplets")).isDirectory();
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
        assertThat(files()).containsExactly("blobs/packages/p1", "blobs/packages/p2");
    }

    @Test
    void copyOfAMissingBlobIsNotFoundAndCreatesNothing() {
        assertThatThrownBy(() -> store.copy("packages/none", "packages/p2"))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound));
        assertThat(files()).isEmpty();
    }

    @Test
    void deleteByPrefixDeletesAWholeFolderOnly() {
        for (String key : List.of("buildpack_cache/app1/cflinuxfs4", "buildpack_cache/app1/deep/er/x",
                "buildpack_cache/app10/cflinuxfs4", "buildpack_cache/app2/cflinuxfs4", "packages/app1")) {
            store.put(key, stream(key), 100);
        }

        store.deleteByPrefix("buildpack_cache/app1");

        assertThat(files()).containsExactly("blobs/buildpack_cache/app10/cflinuxfs4",
                "blobs/buildpack_cache/app2/cflinuxfs4", "blobs/packages/app1");
        assertThat(root.resolve("blobs/buildpack_cache/app1")).doesNotExist();

        store.deleteByPrefix("buildpack_cache/");

        assertThat(files()).containsExactly("blobs/packages/app1");
        assertThat(root.resolve("blobs/buildpack_cache")).doesNotExist();
    }

    @Test
    void deleteByPrefixOfABlobKeyDeletesThatBlob() {
        store.put("packages/p1", stream("x"), 10);
        store.put("packages/p10", stream("x"), 10);

        store.deleteByPrefix("packages/p1");

        assertThat(files()).containsExactly("blobs/packages/p10");
    }

    @Test
    void deleteByPrefixRefusesTheWholeStore() {
        store.put("packages/p1", stream("x"), 10);

        assertThatIllegalArgumentException().isThrownBy(() -> store.deleteByPrefix(""));
        assertThatIllegalArgumentException().isThrownBy(() -> store.deleteByPrefix("/"));
        assertThat(files()).containsExactly("blobs/packages/p1");
    }

    // --- digests, temporary files

    @Test
    void infoWithoutExtendedAttributesHashesTheFile() throws IOException {
        BlobStore untagged = new LocalDiskBlobStore(root, false);
        byte[] bytes = randomBytes(70_000, 3);
        untagged.put("k", new ByteArrayInputStream(bytes), Long.MAX_VALUE);

        assertThat(untagged.info("k")).contains(expectedInfo("k", bytes));
        assertThat(store.info("k")).contains(expectedInfo("k", bytes));
    }

    @Test
    void infoNoticesAFileChangedBehindTheStoresBack() throws IOException {
        store.put("k", stream("original"), 100);
        Path file = root.resolve("blobs/k");
        Files.writeString(file, "ORIGINAL");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(store.info("k")).contains(expectedInfo("k", bytes("ORIGINAL")));
    }

    @Test
    void staleTemporaryFilesAreSweptAtStart() throws IOException {
        Path stale = Files.writeString(root.resolve("tmp/crashed.part"), "partial");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path fresh = Files.writeString(root.resolve("tmp/in-progress.part"), "partial");

        new LocalDiskBlobStore(root);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    // --- helpers

    /** Every regular file under the root, relative to it: blobs and any temporary file left behind. */
    private List<String> files() {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(BlobStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    private static BlobInfo expectedInfo(String key, byte[] bytes) {
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

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream stream(String text) {
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

    private static final class AtomicReferenceHolder<T> {
        volatile T value;
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
    static class GeneratedStream extends InputStream {
        private final long size;
        private final AtomicLong delivered = new AtomicLong();
        private final MessageDigest sha1 = digest("SHA-1");
        private final MessageDigest sha256 = digest("SHA-256");
        private final boolean hashing;
        private int state = 0x9E3779B9;

        GeneratedStream(long size) {
            this(size, false);
        }

        GeneratedStream(long size, boolean hashing) {
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

        long delivered() {
            return delivered.get();
        }

        String sha1() {
            return HexFormat.of().formatHex(sha1.digest());
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    @Test
    void forEachUnderVisitsTheFoldersBlobsWithTheirLastModifiedTimes() throws IOException {
        store.put("droplets/d1/sha", new ByteArrayInputStream(new byte[] {1}), Long.MAX_VALUE);
        store.put("droplets/d2", new ByteArrayInputStream(new byte[] {2}), Long.MAX_VALUE);
        store.put("droplets2/x", new ByteArrayInputStream(new byte[] {3}), Long.MAX_VALUE);
        store.put("packages/p1", new ByteArrayInputStream(new byte[] {4}), Long.MAX_VALUE);
        Instant old = Instant.parse("2025-01-01T00:00:00Z");
        Files.setLastModifiedTime(root.resolve("blobs/droplets/d2"), FileTime.from(old));

        List<StoredBlob> seen = new ArrayList<>();
        store.forEachUnder("droplets/", seen::add);

        assertThat(seen).extracting(StoredBlob::key).containsExactlyInAnyOrder("droplets/d1/sha", "droplets/d2");
        assertThat(seen).filteredOn(b -> b.key().equals("droplets/d2")).extracting(StoredBlob::lastModified)
                .containsExactly(old);
        assertThat(seen).filteredOn(b -> b.key().equals("droplets/d1/sha")).extracting(StoredBlob::lastModified)
                .allMatch(t -> t.isAfter(Instant.now().minusSeconds(60)));
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
}

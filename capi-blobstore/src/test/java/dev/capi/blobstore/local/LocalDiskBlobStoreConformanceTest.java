package dev.capi.blobstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capi.blobstore.BlobStoreConformance;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance tests on local disk, and what only local disk promises: an interrupted writer leaves no file,
 * deletes prune emptied folders, digests survive without extended attributes and notice edits behind the store's
 * back, and temporary files a crash left behind are swept at start.
 */
class LocalDiskBlobStoreConformanceTest extends BlobStoreConformance {
    @TempDir
    Path root;

    @Override
    protected BlobStore newStore() {
        return new LocalDiskBlobStore(root);
    }

    @Override
    protected BlobStore reopen() {
        return new LocalDiskBlobStore(root);
    }

    @Override
    protected boolean offersDownloadUrls() {
        return false;
    }

    @Test
    void anInterruptedWriterStoresNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
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
                thrown.set(t);
            }
        });
        writer.start();
        started.await();
        writer.interrupt();
        writer.join(10_000);

        assertThat(writer.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.BlobstoreUnavailable));
        assertThat(files()).isEmpty();
    }

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
    void infoWithoutExtendedAttributesHashesTheFile() throws IOException {
        BlobStore untagged = new LocalDiskBlobStore(root, false);
        byte[] bytes = new byte[70_000];
        new Random(3).nextBytes(bytes);
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

        assertThat(store.info("k")).contains(expectedInfo("k", "ORIGINAL".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
}

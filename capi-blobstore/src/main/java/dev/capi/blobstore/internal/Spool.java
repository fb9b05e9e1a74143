package dev.capi.blobstore.internal;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A blob's bytes copied to a local temporary file before a remote store receives them, so that the size limit and the
 * digests are known before anything is sent and a failing or oversized upload leaves the remote store untouched.
 * Closing it deletes the file.
 */
public final class Spool implements AutoCloseable {
    private static final int BUFFER_SIZE = 64 * 1024;
    private final Path file;
    private final BlobInfo info;

    private Spool(Path file, BlobInfo info) {
        this.file = file;
        this.info = info;
    }

    /**
     * Reads {@code content} to its end into a new file in {@code dir}.
     *
     * @throws BlobTooLargeException if it holds more than {@code maxBytes}
     * @throws UncheckedIOException  if reading {@code content} fails
     * @throws IOException           if the temporary file cannot be written (the store's problem, not the caller's)
     */
    public static Spool of(Path dir, String key, InputStream content, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(UUID.randomUUID() + ".spool");
        boolean done = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Hasher hasher = new Hasher();
            byte[] buffer = new byte[BUFFER_SIZE];
            ByteBuffer wrapped = ByteBuffer.wrap(buffer);
            while (true) {
                int n;
                try {
                    n = content.read(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException("reading the content for blob " + key + " failed", e);
                }
                if (n < 0) {
                    break;
                }
                if (hasher.size() + n > maxBytes) {
                    throw new BlobTooLargeException(key, maxBytes);
                }
                hasher.update(buffer, n);
                wrapped.clear().limit(n);
                while (wrapped.hasRemaining()) {
                    out.write(wrapped);
                }
            }
            Spool spool = new Spool(file, hasher.info(key));
            done = true;
            return spool;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    public Path file() {
        return file;
    }

    public BlobInfo info() {
        return info;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.getLogger(Spool.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot remove the temporary file " + file, e);
        }
    }
}

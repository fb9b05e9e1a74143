package dev.capi.blobstore.local;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobKeys;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.BlobTooLargeException;
import dev.capi.domain.blobs.StoredBlob;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link BlobStore} on a local (or shared POSIX) file system. Under its root directory, {@code blobs/<key>} holds
 * each blob as a plain file and {@code tmp/} the uploads in progress.
 *
 * <p>A write streams into a fresh file in {@code tmp/} (same file system), hashing and counting as it goes, fsyncs
 * it, renames it atomically onto {@code blobs/<key>} and fsyncs the folder; on any failure the temporary file is
 * deleted and the previous blob stays. Temporary files a crash left behind are deleted when a store is created on
 * the root once they are a day old.
 *
 * <p>The digests are also kept in an extended attribute ({@code user.capi.blob}) of the blob's file, written before
 * the rename, so {@link #info} need not read the blob. Where the file system has no user extended attributes, or the
 * attribute does not match the file (size, modification time, inode), {@link #info} reads the blob and hashes it.
 *
 * <p>Deleting the last blob of a folder removes the emptied folders.
 */
public final class LocalDiskBlobStore implements BlobStore {
    private static final System.Logger LOG = System.getLogger(LocalDiskBlobStore.class.getName());
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final String TAG = "capi.blob";
    private static final String TAG_VERSION = "1";
    private static final String TEMP_SUFFIX = ".part";
    private static final Duration STALE_TEMP_AGE = Duration.ofDays(1);
    private static final int MOVE_ATTEMPTS = 5;

    private final Path blobs;
    private final Path tmp;
    private final boolean tags;

    /** A store rooted at {@code root}, which is created if missing. */
    public LocalDiskBlobStore(Path root) {
        this(root, true);
    }

    /** {@code useTags = false} never uses extended attributes (tests cover both paths with it). */
    LocalDiskBlobStore(Path root, boolean useTags) {
        try {
            Path base = Files.createDirectories(root).toRealPath();
            this.blobs = Files.createDirectories(base.resolve("blobs")).toRealPath();
            this.tmp = Files.createDirectories(base.resolve("tmp")).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob store at " + root, e);
        }
        sweepStaleTemps();
        this.tags = useTags && tagsSupported();
    }

    @Override
    public BlobInfo put(String key, InputStream content, long maxBytes) {
        Path target = path(key);
        Objects.requireNonNull(content, "content");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        return write(key, target, content, maxBytes, false);
    }

    @Override
    public Optional<BlobInfo> info(String key) {
        Path file = path(key);
        if (tags) {
            Optional<BlobInfo> tagged = readTag(key, file);
            if (tagged.isPresent()) {
                return tagged;
            }
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Hasher hasher = new Hasher();
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                hasher.update(buffer, n);
            }
            return Optional.of(hasher.info(key));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("info", key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            throw notFound();
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw notFound();
        } catch (IOException e) {
            throw unavailable("open", key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void delete(String key) {
        Path file = path(key);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return; // a folder, not a blob
        }
        try {
            if (!Files.deleteIfExists(file)) {
                return;
            }
        } catch (IOException e) {
            throw unavailable("delete", key, e);
        }
        prune(file.getParent());
    }

    @Override
    public void deleteByPrefix(String prefix) {
        String folderKey = BlobKeys.requireValidPrefix(prefix);
        Path folder = path(folderKey);
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(folder);
            } else {
                Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof NoSuchFileException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        if (e != null && !(e instanceof NoSuchFileException)) {
                            throw e;
                        }
                        try {
                            Files.deleteIfExists(dir);
                        } catch (DirectoryNotEmptyException written) {
                            // a blob written meanwhile; it survives
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw unavailable("deleteByPrefix", folderKey, e);
        }
        prune(folder.getParent());
    }

    @Override
    public BlobInfo copy(String fromKey, String toKey) {
        path(fromKey);
        Path target = path(toKey);
        try (InputStream in = open(fromKey)) {
            return write(toKey, target, in, Long.MAX_VALUE, true);
        } catch (IOException e) {
            throw unavailable("copy", fromKey, e);
        }
    }

    @Override
    public void forEachUnder(String prefix, Consumer<StoredBlob> visitor) {
        String folderKey = BlobKeys.requireValidPrefix(prefix);
        Objects.requireNonNull(visitor, "visitor");
        Path folder = path(folderKey);
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        visitor.accept(new StoredBlob(key(file), attrs.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted while walking
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            // no such folder: nothing to visit
        } catch (IOException e) {
            throw unavailable("forEachUnder", folderKey, e);
        }
    }

    /** The key of a file under the blobs root. */
    private String key(Path file) {
        StringBuilder key = new StringBuilder();
        for (Path segment : blobs.relativize(file)) {
            if (!key.isEmpty()) {
                key.append('/');
            }
            key.append(segment);
        }
        return key.toString();
    }

    // --- writing

    /** Streams {@code content} into a temporary file and renames it onto {@code target}. */
    private BlobInfo write(String key, Path target, InputStream content, long maxBytes, boolean contentIsOurs) {
        refuseFolderClash(key, target);
        Path temp = tmp.resolve(UUID.randomUUID() + TEMP_SUFFIX);
        boolean moved = false;
        try {
            BlobInfo info;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                info = transfer(key, content, out, maxBytes, contentIsOurs);
                if (tags) {
                    writeTag(temp, info);
                }
                out.force(true);
            }
            moveIntoPlace(key, temp, target);
            moved = true;
            return info;
        } catch (IOException e) {
            throw unavailable("put", key, e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    private static BlobInfo transfer(String key, InputStream content, FileChannel out, long maxBytes,
                                     boolean contentIsOurs) throws IOException {
        Hasher hasher = new Hasher();
        byte[] buffer = new byte[BUFFER_SIZE];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        while (true) {
            int n;
            try {
                n = content.read(buffer);
            } catch (IOException e) {
                if (contentIsOurs) {
                    throw e;
                }
                throw new UncheckedIOException("reading the content for blob " + key + " failed", e);
            }
            if (n < 0) {
                return hasher.info(key);
            }
            if (hasher.size + n > maxBytes) {
                throw new BlobTooLargeException(key, maxBytes);
            }
            hasher.update(buffer, n);
            wrapped.clear().limit(n);
            while (wrapped.hasRemaining()) {
                out.write(wrapped);
            }
        }
    }

    private void moveIntoPlace(String key, Path temp, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                break;
            } catch (NoSuchFileException e) {
                // a folder on the way was pruned by a concurrent delete: create it again
                if (attempt == MOVE_ATTEMPTS) {
                    throw e;
                }
            } catch (IOException e) {
                refuseFolderClash(key, target);
                throw e;
            }
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot fsync the folder of blob " + key, e);
        }
    }

    /** A key that is a folder of other blobs, or lies under a blob, cannot be written. */
    private void refuseFolderClash(String key, Path target) {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("blob key is a folder of other blobs: " + key);
        }
        for (Path dir = target.getParent(); !dir.equals(blobs); dir = dir.getParent()) {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("blob key lies under another blob: " + key);
            }
        }
    }

    // --- digests in an extended attribute

    private boolean tagsSupported() {
        Path probe = tmp.resolve(UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createFile(probe);
            UserDefinedFileAttributeView view = Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
            if (view == null) {
                return false;
            }
            view.write(TAG, StandardCharsets.UTF_8.encode("probe"));
            return view.list().contains(TAG);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.INFO, "no user extended attributes under " + tmp
                    + "; blob digests will be computed on demand");
            return false;
        } finally {
            deleteQuietly(probe);
        }
    }

    private static void writeTag(Path file, BlobInfo info) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            String tag = String.join(" ", TAG_VERSION, Long.toString(info.sizeBytes()),
                    Long.toString(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)), info.sha1(), info.sha256(),
                    String.valueOf(attrs.fileKey()));
            Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                    .write(TAG, StandardCharsets.UTF_8.encode(tag));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot tag " + file + " with its digests", e);
        }
    }

    /** The tagged digests if the tag describes the very file now at {@code file}. */
    private static Optional<BlobInfo> readTag(String key, Path file) {
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
            ByteBuffer buffer = ByteBuffer.allocate(512);
            view.read(TAG, buffer);
            String[] tag = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split(" ", 6);
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (tag.length == 6 && tag[0].equals(TAG_VERSION) && attrs.isRegularFile()
                    && tag[1].equals(Long.toString(attrs.size()))
                    && tag[2].equals(Long.toString(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)))
                    && attrs.fileKey() != null && tag[5].equals(attrs.fileKey().toString())) {
                return Optional.of(new BlobInfo(key, attrs.size(), tag[3], tag[4]));
            }
        } catch (IOException | RuntimeException e) {
            // no tag, no file or a foreign value: hash the file
        }
        return Optional.empty();
    }

    // --- helpers

    private Path path(String key) {
        BlobKeys.requireValid(key);
        Path path = blobs.resolve(key).normalize();
        if (!path.startsWith(blobs) || path.equals(blobs)) {
            throw new IllegalArgumentException("blob key escapes the store: " + key);
        }
        return path;
    }

    /** Removes the emptied folders from {@code dir} up to (not including) the blobs root. */
    private void prune(Path dir) {
        for (; dir != null && !dir.equals(blobs) && dir.startsWith(blobs); dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot remove the empty folder " + dir, e);
                return;
            }
        }
    }

    private void sweepStaleTemps() {
        Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(tmp, "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                try {
                    if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(temp);
                    }
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "cannot remove the stale upload " + temp, e);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list " + tmp, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the temporary file " + file, e);
        }
    }

    private static CfException notFound() {
        return CfException.notFound("Blob");
    }

    /** CfException carries no cause, so the cause is logged here. */
    private static CfException unavailable(String operation, String key, IOException e) {
        LOG.log(System.Logger.Level.WARNING, "blobstore " + operation + " of " + key + " failed", e);
        return CfException.of(CfError.BlobstoreUnavailable);
    }

    /** SHA-1, SHA-256 and the byte count of one stream. */
    private static final class Hasher {
        private final MessageDigest sha1 = digest("SHA-1");
        private final MessageDigest sha256 = digest("SHA-256");
        private long size;

        void update(byte[] bytes, int length) {
            sha1.update(bytes, 0, length);
            sha256.update(bytes, 0, length);
            size += length;
        }

        BlobInfo info(String key) {
            HexFormat hex = HexFormat.of();
            return new BlobInfo(key, size, hex.formatHex(sha1.digest()), hex.formatHex(sha256.digest()));
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is missing from the JDK", e);
            }
        }
    }
}

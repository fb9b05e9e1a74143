package dev.capi.domain.packages;

import dev.capi.domain.support.ZipSymlinks;
import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.BlobTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds a package's zip from an upload: the uploaded zip's entries (each checked to stay inside the package, each
 * poolable file added to the resource pool) plus the already-known resources taken from the pool, written to a
 * temporary file and then stored under {@code packages/<guid>}. A refused upload stores nothing.
 */
final class PackageBits {
    /** Why an upload cannot become a package; the package is marked FAILED with this text. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final BlobStore blobs;
    private final long maxBytes;

    PackageBits(BlobStore blobs, long maxBytes) {
        this.blobs = blobs;
        this.maxBytes = maxBytes;
    }

    static String key(String packageGuid) {
        return "packages/" + packageGuid;
    }

    BlobInfo assemble(String packageGuid, PackageCommands.Upload upload) {
        Path temp = null;
        try {
            temp = Files.createTempFile("capi-package-", ".zip");
            Set<String> written = new HashSet<>();
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
                if (upload.bits() != null) {
                    copyUploaded(upload.bits(), out, written);
                }
                for (PackageCommands.Resource r : upload.resources()) {
                    copyFromPool(r, out, written);
                }
            }
            if (written.isEmpty()) {
                throw new Invalid("Invalid zip archive.");
            }
            BlobInfo stored;
            try (InputStream in = Files.newInputStream(temp)) {
                stored = blobs.put(key(packageGuid), in, maxBytes);
            } catch (BlobTooLargeException e) {
                throw new Invalid("Package size exceeded the maximum of " + maxBytes + " bytes.");
            }
            fillPool(temp);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private final java.util.Map<String, String> poolable = new java.util.HashMap<>();

    private void copyUploaded(InputStream bits, ZipOutputStream out, Set<String> written) throws IOException {
        Path uploaded = Files.createTempFile("capi-upload-", ".zip");
        try {
            try (OutputStream spool = Files.newOutputStream(uploaded)) {
                copy(bits, spool);
            }
            copyUploaded(uploaded, out, written);
        } finally {
            Files.deleteIfExists(uploaded);
        }
    }

    private void copyUploaded(Path uploaded, ZipOutputStream out, Set<String> written) throws IOException {
        long total = 0;
        Set<String> symlinks = ZipSymlinks.in(uploaded);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(uploaded))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (escapes(name)) {
                    throw new Invalid("Invalid zip archive: " + name + " is outside the package.");
                }
                if (!written.add(name)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                if (entry.isDirectory()) {
                    out.closeEntry();
                    continue;
                }
                if (symlinks.contains(name)) {
                    byte[] target = zip.readNBytes(4096);
                    if (ZipSymlinks.escapes(name, new String(target, java.nio.charset.StandardCharsets.UTF_8))) {
                        throw new Invalid("Invalid zip archive: " + name + " links outside the package.");
                    }
                    out.write(target);
                    out.closeEntry();
                    continue;
                }
                MessageDigest sha1 = sha1();
                long size = copy(new DigestInputStream(zip, sha1), out);
                out.closeEntry();
                total += size;
                if (total > maxBytes) {
                    throw new Invalid("Package size exceeded the maximum of " + maxBytes + " bytes.");
                }
                if (ResourcePool.poolable(size)) {
                    poolable.put(name, HexFormat.of().formatHex(sha1.digest()));
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new Invalid("Invalid zip archive.");
        }
    }

    /** Adds the upload's poolable files the pool lacks, read back from the assembled zip. */
    private void fillPool(Path assembled) throws IOException {
        if (poolable.isEmpty()) {
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(assembled))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String sha1 = poolable.get(entry.getName());
                if (sha1 != null && !blobs.exists(ResourcePool.key(sha1))) {
                    blobs.put(ResourcePool.key(sha1), zip, ResourcePool.MAX_SIZE);
                }
            }
        }
    }

    private void copyFromPool(PackageCommands.Resource r, ZipOutputStream out, Set<String> written)
            throws IOException {
        if (escapes(r.path())) {
            throw new Invalid("Invalid zip archive: " + r.path() + " is outside the package.");
        }
        String key = ResourcePool.key(r.sha1() == null ? "" : r.sha1());
        if (r.sha1() == null || !r.sha1().matches("[0-9a-f]{40}") || !blobs.exists(key)) {
            throw new Invalid("Resource " + r.path() + " with checksum " + r.sha1() + " was not found.");
        }
        if (!written.add(r.path())) {
            return;
        }
        out.putNextEntry(new ZipEntry(r.path()));
        try (InputStream in = blobs.open(key)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

    static boolean escapes(String name) {
        String n = name.replace('\\', '/');
        return n.isEmpty() || n.startsWith("/") || n.matches("^[A-Za-z]:.*")
                || Arrays.asList(n.split("/")).contains("..");
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

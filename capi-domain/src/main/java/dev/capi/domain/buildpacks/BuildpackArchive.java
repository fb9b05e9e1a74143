package dev.capi.domain.buildpacks;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.ZipSymlinks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks uploaded buildpack bits as the reference does, and more: not empty; a zip for the {@code buildpack}
 * lifecycle, a gzip or cnb (tar) archive for {@code cnb}; for zips, every entry readable and inside the archive (no
 * {@code ..} segment, no absolute or drive path, no symbolic link pointing out of it); and the {@code stack} of a top-level {@code manifest.yml}, if
 * there is one. Refusals are the reference's 422s.
 */
final class BuildpackArchive {
    static final String BUILDPACK = "buildpack";
    static final String CNB = "cnb";
    private static final long MAX_MANIFEST_BYTES = 1024 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] GZIP = {0x1f, (byte) 0x8b, 0x08};
    private static final byte[] USTAR = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
    private static final int USTAR_OFFSET = 257;
    private static final Pattern STACK = Pattern.compile("^stack:\\s*['\"]?([^'\"#\\s]+)['\"]?\\s*(#.*)?$",
            Pattern.MULTILINE);

    private BuildpackArchive() {
    }

    /** "Uploaded buildpack file is invalid: ..." as the reference words refused uploads. */
    static CfException invalid(String detail) {
        return CfException.unprocessable("Uploaded buildpack file is invalid: " + detail);
    }

    /**
     * Validates the bits ({@code size} bytes read from {@code bits}, which this closes) and returns the stack the
     * buildpack's manifest names, if any.
     */
    static Optional<String> inspect(InputStream bits, long size, String filename, String lifecycle) {
        try (InputStream in = new BufferedInputStream(bits)) {
            if (size == 0) {
                throw invalid(filename + " cannot be empty");
            }
            in.mark(USTAR_OFFSET + USTAR.length);
            byte[] head = in.readNBytes(USTAR_OFFSET + USTAR.length);
            in.reset();
            if (CNB.equals(lifecycle)) {
                if (!startsWith(head, 0, GZIP) && !startsWith(head, USTAR_OFFSET, USTAR)) {
                    throw invalid(filename + " is not a gzip archive or cnb file. Buildpacks of lifecycle \"cnb\" "
                            + "must be valid gzip archives or cnb files.");
                }
                return Optional.empty();
            }
            if (!startsWith(head, 0, ZIP)) {
                throw invalid(filename + " is not a zip file. Buildpacks of lifecycle \"" + lifecycle
                        + "\" must be valid zip files.");
            }
            return readZip(in, filename);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spools the zip to a temporary file: symbolic links are marked in its central directory, at its end. */
    private static Optional<String> readZip(InputStream in, String filename) throws IOException {
        java.nio.file.Path spooled = java.nio.file.Files.createTempFile("capi-buildpack-", ".zip");
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(spooled)) {
                in.transferTo(out);
            }
            return readZip(spooled, filename);
        } finally {
            java.nio.file.Files.deleteIfExists(spooled);
        }
    }

    private static Optional<String> readZip(java.nio.file.Path spooled, String filename) throws IOException {
        String stack = null;
        int entries = 0;
        java.util.Set<String> links;
        try {
            links = ZipSymlinks.in(spooled);
        } catch (IOException e) {
            throw zipError("buildpack zipfile is not valid");
        }
        try (ZipInputStream zip = new ZipInputStream(java.nio.file.Files.newInputStream(spooled),
                StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                String name = entry.getName();
                if (escapes(name)) {
                    throw invalid(filename + " contains an entry outside the buildpack: " + name);
                }
                if (links.contains(name)
                        && ZipSymlinks.escapes(name, new String(zip.readNBytes(4096), StandardCharsets.UTF_8))) {
                    throw invalid(filename + " contains a link outside the buildpack: " + name);
                }
                if (name.equals("manifest.yml")) {
                    stack = stackOf(zip);
                } else {
                    zip.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw zipError("buildpack zipfile is not valid");
        }
        if (entries == 0) {
            throw zipError("buildpack zipfile is not valid");
        }
        return Optional.ofNullable(stack);
    }

    private static String stackOf(InputStream manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long copied = manifest.transferTo(new LimitedSink(out, MAX_MANIFEST_BYTES));
        if (copied > MAX_MANIFEST_BYTES) {
            throw zipError("buildpack manifest is too large");
        }
        Matcher m = STACK.matcher(out.toString(StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    static boolean escapes(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        return Arrays.asList(n.split("/")).contains("..");
    }

    private static CfException zipError(String detail) {
        return CfException.of(CfError.BuildpackZipError, detail);
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /** Keeps at most {@code limit} bytes; counts the rest so callers can tell the input was longer. */
    private static final class LimitedSink extends java.io.OutputStream {
        private final ByteArrayOutputStream target;
        private final long limit;
        private long written;

        LimitedSink(ByteArrayOutputStream target, long limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            if (written++ < limit) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long room = Math.max(0, limit - written);
            target.write(b, off, (int) Math.min(room, len));
            written += len;
        }
    }
}

package dev.capi.domain.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the entries a zip marks as Unix symbolic links (mode {@code 0120000} in the central directory's external
 * attributes), which {@link java.util.zip.ZipInputStream} does not expose; their content is the link's target.
 */
public final class ZipSymlinks {
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_FILE_HEADER = 0x02014b50;
    private static final int SYMLINK = 0120000;
    private static final int FILE_TYPE_MASK = 0170000;

    private ZipSymlinks() {
    }

    /** The names of the entries whose unix mode (central directory) says symbolic link. */
    public static Set<String> in(Path zip) throws IOException {
        Set<String> links = new HashSet<>();
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "r")) {
            long end = findEndOfCentralDirectory(file);
            if (end < 0) {
                return links;
            }
            file.seek(end + 10);
            int entries = readShort(file);
            file.seek(end + 16);
            long offset = readInt(file) & 0xffffffffL;
            file.seek(offset);
            for (int i = 0; i < entries; i++) {
                if (readInt(file) != CENTRAL_FILE_HEADER) {
                    break;
                }
                file.skipBytes(24);
                int nameLength = readShort(file);
                int extraLength = readShort(file);
                int commentLength = readShort(file);
                file.skipBytes(4);
                long external = readInt(file) & 0xffffffffL;
                file.skipBytes(4);
                byte[] name = new byte[nameLength];
                file.readFully(name);
                file.skipBytes(extraLength + commentLength);
                if (((external >>> 16) & FILE_TYPE_MASK) == SYMLINK) {
                    links.add(new String(name, StandardCharsets.UTF_8));
                }
            }
        }
        return links;
    }

    /** Whether a link at {@code entry} pointing at {@code target} leaves the package. */
    public static boolean escapes(String entry, String target) {
        if (target.startsWith("/") || target.matches("^[A-Za-z]:.*")) {
            return true;
        }
        String dir = entry.contains("/") ? entry.substring(0, entry.lastIndexOf('/') + 1) : "";
        int depth = 0;
        for (String part : (dir + target).split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                return true;
            }
        }
        return false;
    }

    private static long findEndOfCentralDirectory(RandomAccessFile file) throws IOException {
        long length = file.length();
        for (long pos = length - 22; pos >= Math.max(0, length - 22 - 65535); pos--) {
            file.seek(pos);
            if (readInt(file) == END_OF_CENTRAL_DIRECTORY) {
                return pos;
            }
        }
        return -1;
    }

    private static int readShort(RandomAccessFile file) throws IOException {
        return file.read() | (file.read() << 8);
    }

    private static int readInt(RandomAccessFile file) throws IOException {
        return file.read() | (file.read() << 8) | (file.read() << 16) | (file.read() << 24);
    }
}

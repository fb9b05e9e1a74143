package dev.capi.server.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/** Directory chores of the local runtime: fresh directories, deletion, unzipping (with unzip, which keeps modes). */
final class Workspace {
    private Workspace() {
    }

    static void recreate(Path dir) {
        delete(dir);
        createDirectories(dir);
    }

    static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind; the next recreate tries again
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left behind; the next recreate tries again
        }
    }

    /**
     * Unzips {@code zip} into {@code dir} with {@code unzip}, which keeps the entries' Unix modes and refuses entries
     * that climb out of the target ({@code ../}) unless asked not to.
     */
    static void unzip(Path zip, Path dir) {
        ChildProcesses.tool(dir, "unzip", "-qq", "-o", zip.toString(), "-d", dir.toString());
    }

    /** Makes every file in {@code dir} (a buildpack's {@code bin}) executable: zips made in Java carry no modes. */
    static void makeExecutable(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Set<PosixFilePermission> modes = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                modes.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_READ));
                Files.setPosixFilePermissions(file, modes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes under {@code dir} (0 when it is gone). */
    static long size(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}

package dev.capi.server.runtime.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Droplets downloaded once from the blobstore and unpacked into each instance's or task's directory. */
final class DropletCache {
    private final RuntimeBits bits;
    private final Path dir;

    DropletCache(RuntimeBits bits, Path dir) {
        this.bits = bits;
        this.dir = dir;
    }

    /** Unpacks the droplet into {@code target} (recreated); false when the droplet has no bits. */
    boolean unpack(String dropletGuid, Path target) {
        Path archive = dir.resolve(dropletGuid + ".tgz");
        synchronized (this) {
            if (!Files.isRegularFile(archive)) {
                Path partial = dir.resolve(dropletGuid + ".tgz.part");
                if (!bits.copyDroplet(dropletGuid, partial)) {
                    return false;
                }
                try {
                    Files.move(partial, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        Workspace.recreate(target);
        ChildProcesses.tool(target, "tar", "-xzf", archive.toString());
        Workspace.createDirectories(target.resolve("app"), target.resolve("tmp"));
        return true;
    }
}

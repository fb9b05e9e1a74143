package dev.capi.server;

import dev.capi.blobstore.local.LocalDiskBlobStore;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.buildpacks.BuildpackCommands;
import dev.capi.domain.buildpacks.Buildpacks;
import dev.capi.domain.errors.CfException;
import dev.capi.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refused buildpack upload leaves no file in the blobstore, no change on the buildpack and no row anywhere (the
 * bad-input corpus of the TCK checks the same over HTTP; here the rows and files are counted directly).
 */
class BuildpackUploadLeavesNothingTest {
    @TempDir
    Path blobs;

    @Test
    void refusedUploadsLeaveNoBlobBehind() throws IOException {
        Database database = Database.open("jdbc:h2:mem:bp-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        try (database; CloudController cc = CloudController.builder().database(database)
                .blobStore(new LocalDiskBlobStore(blobs)).tokenVerifier(token -> null).build()) {
            Permissions admin = cc.domain().orgsAndSpaces().permissions().of(new Principal("admin", "admin", "uaa", "cf",
                    Set.of(Principal.ADMIN, Principal.READ, Principal.WRITE)));
            Buildpacks buildpacks = cc.domain().platform().buildpacks();
            var created = buildpacks.create(admin, () -> new BuildpackCommands.Create("leaves_nothing", null, null,
                    null, null, null, null));
            java.util.Map<String, Long> rowsBefore = rowCounts(database);
            for (byte[] bad : new byte[][]{zip("../escape", "x"), "not a zip".getBytes(StandardCharsets.UTF_8),
                    "PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1), escapingLink()}) {
                assertThatThrownBy(() -> buildpacks.upload(admin, created.guid(),
                        new Buildpacks.Bits("bad.zip", new ByteArrayInputStream(bad)))).isInstanceOf(CfException.class);
            }
            assertThat(files()).as("no blob stays behind").isEmpty();
            assertThat(buildpacks.get(admin, created.guid())).isEqualTo(created);
            assertThat(rowCounts(database)).as("no row written or removed").isEqualTo(rowsBefore);
        }
    }

    /** Rows per table of the database's own schema. */
    private static java.util.Map<String, Long> rowCounts(Database database) {
        return database.jdbi().withHandle(h -> {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            for (String table : h.createQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'").mapTo(String.class).list()) {
                counts.put(table, h.createQuery("SELECT COUNT(*) FROM \"" + table + "\"").mapTo(Long.class).one());
            }
            return counts;
        });
    }

    /** A zip whose entry "bin/secrets" is a symbolic link (unix mode 0120777) to ../../../etc/shadow. */
    private static byte[] escapingLink() throws IOException {
        byte[] bytes = zip("bin/secrets", "../../../etc/shadow");
        byte[] name = "bin/secrets".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            boolean header = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            if (header && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                bytes[i + 40] = (byte) (0120777 & 0xff);
                bytes[i + 41] = (byte) (0120777 >> 8);
            }
        }
        return bytes;
    }

    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(blobs)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}

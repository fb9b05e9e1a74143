package dev.capi.domain.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ZipSymlinksTest {
    @TempDir
    Path dir;

    /** A zip with a regular file and a symbolic link (external attributes patched to mode 0120777). */
    static byte[] zipWithLink(String link, String target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("app.rb"));
            zip.write("puts 1".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(link));
            zip.write(target.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] bytes = out.toByteArray();
        byte[] name = link.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            boolean header = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            if (header && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                int mode = 0120777;
                bytes[i + 40] = (byte) (mode & 0xff);
                bytes[i + 41] = (byte) (mode >> 8);
            }
        }
        return bytes;
    }

    @Test
    void findsLinksInTheCentralDirectory() throws IOException {
        Path zip = dir.resolve("app.zip");
        Files.write(zip, zipWithLink("config/secrets", "../../../etc/shadow"));
        assertThat(ZipSymlinks.in(zip)).containsExactly("config/secrets");
        Path plain = dir.resolve("plain.zip");
        Files.write(plain, zipWithLink("x", "y"));
        assertThat(ZipSymlinks.in(plain)).containsExactly("x");
    }

    @Test
    void tellsLinksThatLeaveThePackage() {
        assertThat(ZipSymlinks.escapes("config/secrets", "../../../etc/shadow")).isTrue();
        assertThat(ZipSymlinks.escapes("a", "/etc/passwd")).isTrue();
        assertThat(ZipSymlinks.escapes("lib/current", "../vendor/lib")).isFalse();
        assertThat(ZipSymlinks.escapes("lib/current", "v2")).isFalse();
        assertThat(ZipSymlinks.escapes("top", "../x")).isTrue();
    }
}

package dev.capi.domain.buildpacks;

import dev.capi.domain.errors.CfException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildpackArchiveTest {
    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Optional<String> inspect(byte[] bits, String lifecycle) {
        return BuildpackArchive.inspect(new ByteArrayInputStream(bits), bits.length, "bp.zip", lifecycle);
    }

    @Test
    void readsTheStackOfATopLevelManifest() throws IOException {
        assertThat(inspect(zip(Map.of("manifest.yml", "language: ruby\nstack: 'cflinuxfs4' # the stack\n")),
                "buildpack")).contains("cflinuxfs4");
        assertThat(inspect(zip(Map.of("bin/detect", "x", "sub/manifest.yml", "stack: other\n")), "buildpack"))
                .isEmpty();
        assertThat(inspect(zip(Map.of("manifest.yml", "dependencies:\n  - stack: nested\n")), "buildpack"))
                .as("only a top-level key counts").isEmpty();
    }

    @Test
    void refusesWhatIsNotAZipOrEscapesIt() throws IOException {
        assertThatThrownBy(() -> inspect("plain".getBytes(StandardCharsets.UTF_8), "buildpack"))
                .isInstanceOf(CfException.class).hasMessageContaining("bp.zip is not a zip file");
        assertThatThrownBy(() -> inspect(new byte[0], "buildpack")).hasMessageContaining("cannot be empty");
        for (String evil : new String[]{"../x", "a/../../x", "/etc/passwd", "C:/windows/x", "a\\..\\..\\x"}) {
            byte[] bits = zip(Map.of(evil, "boom"));
            assertThatThrownBy(() -> inspect(bits, "buildpack")).as(evil)
                    .hasMessageContaining("contains an entry outside the buildpack");
        }
        byte[] corrupt = "PK\u0003\u0004garbage that is not a zip".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> inspect(corrupt, "buildpack")).isInstanceOf(CfException.class)
                .hasMessageContaining("buildpack zipfile is not valid");
    }

    @Test
    void refusesASymbolicLinkOutOfTheBuildpackAndKeepsOneInsideIt() throws IOException {
        byte[] escaping = withLinkMode(zip(Map.of("bin/detect", "x", "bin/secrets", "../../../etc/shadow")),
                "bin/secrets");
        assertThatThrownBy(() -> inspect(escaping, "buildpack")).isInstanceOf(CfException.class)
                .hasMessageEndingWith("Uploaded buildpack file is invalid: bp.zip contains a link outside the buildpack: "
                        + "bin/secrets");
        byte[] inside = withLinkMode(zip(Map.of("bin/detect", "x", "bin/compile", "detect")), "bin/compile");
        assertThat(inspect(inside, "buildpack")).isEmpty();
    }

    /** Marks {@code name} a symbolic link (unix mode 0120777, version made by unix) in the central directory. */
    private static byte[] withLinkMode(byte[] bytes, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + n.length <= bytes.length; i++) {
            boolean header = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            if (header && java.util.Arrays.equals(bytes, i + 46, i + 46 + n.length, n, 0, n.length)) {
                bytes[i + 5] = 3;
                bytes[i + 40] = (byte) (0120777 & 0xff);
                bytes[i + 41] = (byte) (0120777 >> 8);
            }
        }
        return bytes;
    }

    @Test
    void cnbBuildpacksAreGzipOrTarArchives() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("layer".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(inspect(gz.toByteArray(), "cnb")).isEmpty();
        byte[] tar = new byte[512];
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.ISO_8859_1), 0, tar, 257, 8);
        assertThat(inspect(tar, "cnb")).isEmpty();
        assertThatThrownBy(() -> inspect(zip(Map.of("a", "b")), "cnb"))
                .hasMessageContaining("is not a gzip archive or cnb file");
    }
}

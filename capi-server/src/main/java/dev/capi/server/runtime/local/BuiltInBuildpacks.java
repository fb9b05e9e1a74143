package dev.capi.server.runtime.local;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.buildpacks.BuildpackCommands;
import dev.capi.domain.buildpacks.Buildpacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The two buildpacks the server creates at its first start, as ordinary admin buildpacks (listed, reordered, locked
 * or deleted like any other, and not created again once a marker file says they were): {@code java_buildpack} runs a
 * jar with a {@code Main-Class} on the server's own JRE; {@code binary_buildpack} (never detected, named by the app as
 * in Cloud Foundry) runs the start command of the manifest, {@code --start-command} or the {@code Procfile}.
 */
public final class BuiltInBuildpacks {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInBuildpacks.class);
    static final String JAVA = "java_buildpack";
    static final String BINARY = "binary_buildpack";

    private BuiltInBuildpacks() {
    }

    /** Creates and uploads both buildpacks through the buildpack use cases, once per data dir. */
    public static void seedOnce(Buildpacks buildpacks, Permissions admin, Path marker) {
        if (Files.exists(marker)) {
            return;
        }
        create(buildpacks, admin, JAVA, 1, javaScripts());
        create(buildpacks, admin, BINARY, 2, binaryScripts());
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "java_buildpack and binary_buildpack were created\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("created the admin buildpacks {} and {}", JAVA, BINARY);
    }

    private static void create(Buildpacks buildpacks, Permissions admin, String name, int position,
                               Map<String, String> scripts) {
        boolean exists = buildpacks.list(admin, dev.capi.domain.query.ListQuery.all()).resources().stream()
                .anyMatch(b -> b.name().equals(name));
        if (exists) {
            return;
        }
        var created = buildpacks.create(admin, () -> new BuildpackCommands.Create(name, null, position, true, false,
                null, null));
        buildpacks.upload(admin, created.guid(), new Buildpacks.Bits(name + ".zip",
                new ByteArrayInputStream(zip(scripts))));
    }

    static byte[] zip(Map<String, String> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, String> binaryScripts() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("bin/detect", """
                #!/bin/bash
                # the binary buildpack is never detected: apps name it (buildpacks: [binary_buildpack] or -b)
                exit 1
                """);
        files.put("bin/supply", """
                #!/bin/bash
                exit 0
                """);
        files.put("bin/finalize", """
                #!/bin/bash
                echo "-----> Binary buildpack: the app runs its start command (manifest, --start-command or Procfile)"
                exit 0
                """);
        files.put("bin/release", """
                #!/bin/bash
                echo "---"
                echo "default_process_types: {}"
                """);
        return files;
    }

    static Map<String, String> javaScripts() {
        Map<String, String> files = new LinkedHashMap<>();
        String mainClass = """
                main_class() {
                  grep -i '^Main-Class:' "$1" 2>/dev/null | head -1 | cut -d: -f2 | tr -d ' \\r'
                }
                runnable_jar() {
                  for jar in "$1"/*.jar; do
                    [ -f "$jar" ] || continue
                    if unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | grep -qi '^Main-Class:'; then
                      basename "$jar"
                      return 0
                    fi
                  done
                  return 1
                }
                """;
        files.put("bin/detect", "#!/bin/bash\n" + mainClass + """
                if [ -n "$(main_class "$1/META-INF/MANIFEST.MF")" ] || runnable_jar "$1" >/dev/null; then
                  echo java
                  exit 0
                fi
                exit 1
                """);
        files.put("bin/supply", """
                #!/bin/bash
                exit 0
                """);
        files.put("bin/finalize", """
                #!/bin/bash
                set -e
                mkdir -p "$5"
                cat > "$5/java.sh" <<SH
                export JAVA_HOME="$JAVA_HOME"
                export PATH="\\$JAVA_HOME/bin:\\$PATH"
                SH
                echo "-----> Java buildpack: using the server's Java runtime at $JAVA_HOME"
                """);
        files.put("bin/release", "#!/bin/bash\n" + mainClass + """
                opts='$JAVA_OPTS -XX:MaxRAM=$MEMORY_LIMIT -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xss512k'
                main="$(main_class "$1/META-INF/MANIFEST.MF")"
                if [ -n "$main" ]; then
                  command="java $opts -cp . $main"
                else
                  command="java $opts -jar $(runnable_jar "$1")"
                fi
                echo "---"
                echo "default_process_types:"
                echo "  web: '$command'"
                """);
        return files;
    }
}
